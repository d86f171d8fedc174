from django.db import migrations

# A copy, not an import: migrations must not change when the model module does.
TYPES = [
    ("Luật", ""),
    ("Nghị định", "NĐ"),
    ("Nghị quyết", "NQ"),
    ("Quyết định", "QĐ"),
    ("Thông tư", "TT"),
    ("Chỉ thị", "CT"),
    ("Kế hoạch", "KH"),
    ("Báo cáo", "BC"),
    ("Công văn", ""),
    ("Thông báo", "TB"),
    ("Tờ trình", "TTr"),
    ("Chương trình", "CTr"),
    ("Hướng dẫn", "HD"),
    ("Công điện", "CĐ"),
    ("Giấy mời", "GM"),
]


def add_types(apps, schema_editor):
    from congso.core.text import slugify_vi

    DocumentType = apps.get_model("documents", "DocumentType")
    for order, (name, code) in enumerate(TYPES, start=1):
        DocumentType.objects.get_or_create(
            name=name, defaults={"slug": slugify_vi(name), "code": code, "sort_order": order * 10}
        )


class Migration(migrations.Migration):
    dependencies = [("documents", "0003_library")]

    operations = [migrations.RunPython(add_types, migrations.RunPython.noop)]
