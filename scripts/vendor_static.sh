#!/bin/sh
# Refresh the vendored NL Design System CSS from the npm registry.
#
# Installs exactly the versions pinned in package-lock.json into a temporary
# folder and copies only what the portal serves — the CSS, each package's
# licence and a VERSION file — into static/vendor/nl-design-system/<package>/.
# The result is committed: the portal needs no npm (and no CDN) at run time.
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
DEST="$ROOT/static/vendor/nl-design-system"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

cp "$ROOT/package.json" "$ROOT/package-lock.json" "$WORK/"
(cd "$WORK" && npm ci --ignore-scripts --no-audit --no-fund --silent)

# vendor <npm package> <folder name> <css file in the package>...
vendor() {
    package=$1
    folder=$2
    shift 2
    source="$WORK/node_modules/$package"
    rm -rf "${DEST:?}/$folder"
    mkdir -p "$DEST/$folder"
    for css in "$@"; do
        cp "$source/$css" "$DEST/$folder/"
    done
    cp "$source/LICENSE.md" "$DEST/$folder/LICENSE.md"
    PACKAGE="$package" FILES="$*" node -e '
        const meta = require(process.argv[1] + "/package.json");
        const lock = require(process.argv[2]).packages["node_modules/" + process.env.PACKAGE];
        const tarball = `https://registry.npmjs.org/${meta.name}/-/${meta.name.split("/").pop()}-${meta.version}.tgz`;
        console.log(`${meta.name} ${meta.version}`);
        console.log(`source: npm registry, ${tarball} (${process.env.FILES})`);
        console.log(`integrity: ${lock.integrity}`);
        console.log(`license: ${meta.license} (LICENSE.md)`);
    ' "$source" "$WORK/package-lock.json" > "$DEST/$folder/VERSION"
    echo "vendored $(head -n 1 "$DEST/$folder/VERSION") into static/vendor/nl-design-system/$folder/"
}

vendor @utrecht/component-library-css component-library-css dist/index.css
# The theme's CSS sets its tokens on the `voorbeeld-theme` class. Its fonts
# (Noto Sans) are not in the package; the portal falls back to the system sans-serif.
vendor @nl-design-system-unstable/voorbeeld-design-tokens voorbeeld-design-tokens dist/theme.css
