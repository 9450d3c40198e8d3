"""Production web server: `gunicorn -c gunicorn.conf.py portal.wsgi`.

Workers are forked from a master that has already loaded the application, so
large read-only structures (the privacy guard's lookup tables) are shared
between them copy-on-write; `gc.freeze()` keeps the garbage collector from
touching, and so copying, those pages. Worker count: `WEB_CONCURRENCY`
(gunicorn reads it itself) or `--workers`.
"""

import gc

wsgi_app = "portal.wsgi:application"
bind = "0.0.0.0:8000"
preload_app = True
worker_class = "sync"
timeout = 30
graceful_timeout = 30
max_requests = 2000
max_requests_jitter = 200
accesslog = "-"
forwarded_allow_ips = "*"


def when_ready(server):
    # The application is loaded (preload_app); load the privacy guard's ~1 GB of
    # lookup tables once here, then freeze so the forked workers share the pages.
    from portal.privacy import warm_up

    warm_up()
    gc.freeze()
