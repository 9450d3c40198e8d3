"""Create the role groups and grant each its permissions (portal/roles.py).

Permissions are normally created after all migrations ran; this migration
creates them first so a fresh database gets complete groups on `migrate`.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

# Frozen copy of portal.roles.GROUP_PERMISSIONS as it stood for this migration;
# later changes to the roles get migrations of their own.
GROUP_PERMISSIONS = {
    "Content admins": [
        ("signals", "add_signalcategory"),
        ("signals", "change_signalcategory"),
        ("signals", "delete_signalcategory"),
        ("signals", "view_signalcategory"),
        ("signals", "add_signal"),
        ("signals", "change_signal"),
        ("signals", "delete_signal"),
        ("signals", "view_signal"),
        ("signals", "add_conversationtip"),
        ("signals", "change_conversationtip"),
        ("signals", "delete_conversationtip"),
        ("signals", "view_conversationtip"),
        ("signals", "add_conversationtippoint"),
        ("signals", "change_conversationtippoint"),
        ("signals", "delete_conversationtippoint"),
        ("signals", "view_conversationtippoint"),
        ("signals", "add_referralorganisation"),
        ("signals", "change_referralorganisation"),
        ("signals", "delete_referralorganisation"),
        ("signals", "view_referralorganisation"),
        ("signals", "add_guidancetext"),
        ("signals", "change_guidancetext"),
        ("signals", "delete_guidancetext"),
        ("signals", "view_guidancetext"),
        ("portal", "add_organisation"),
        ("portal", "change_organisation"),
        ("portal", "delete_organisation"),
        ("portal", "view_organisation"),
        ("portal", "add_organisationdomain"),
        ("portal", "change_organisationdomain"),
        ("portal", "delete_organisationdomain"),
        ("portal", "view_organisationdomain"),
        ("portal", "add_membership"),
        ("portal", "change_membership"),
        ("portal", "delete_membership"),
        ("portal", "view_membership"),
        ("portal", "add_user"),
        ("portal", "change_user"),
        ("portal", "delete_user"),
        ("portal", "view_user"),
        ("portal", "add_invitation"),
        ("portal", "view_invitation"),
        ("portal", "invite_any_organisation"),
    ],
    "Coordinators": [
        ("consultations", "review_consultation"),
        ("consultations", "view_statistics"),
        ("portal", "add_invitation"),
    ],
    "Professionals": [("consultations", "add_consultation")],
}


def create_role_groups(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, perms in GROUP_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for app_label, codename in perms:
            group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0001_initial"),
        ("signals", "0001_initial"),
        ("consultations", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_role_groups, migrations.RunPython.noop)]
