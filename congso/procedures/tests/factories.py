import datetime as dt

import factory
from django.utils import timezone

from congso.organisation.models import Agency, AgencyLevel
from congso.procedures.models import Component, Fee, LegalBasis, Procedure, ProcedureField


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency
        django_get_or_create = ("identifier",)

    identifier = "000.00.12.H56"
    name = "Sở Thông tin và Truyền thông (dữ liệu mẫu)"
    level = AgencyLevel.PROVINCE


class ProcedureFieldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProcedureField
        django_get_or_create = ("code",)

    code = "BCH"
    name = "Bưu chính"


class ProcedureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Procedure
        skip_postgeneration_save = True

    code = factory.Sequence(lambda n: f"1.{n:06d}.000.00.00.H56")
    name = factory.Sequence(lambda n: f"Cấp giấy phép bưu chính số {n}")
    field = factory.SubFactory(ProcedureFieldFactory)
    online_level = "full"
    time_limit = 5
    time_unit = "working_day"
    steps = "Bước 1: Nộp hồ sơ.\nBước 2: Nhận kết quả."
    published_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=1))

    @factory.post_generation
    def agencies(self, create, extracted, **kwargs):
        if create:
            self.agencies.set(extracted if extracted is not None else [AgencyFactory()])


class ComponentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Component

    procedure = factory.SubFactory(ProcedureFactory)
    name = factory.Sequence(lambda n: f"Đơn đề nghị {n}")
    required = True
    copies = "01 bản chính"


class FeeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Fee

    procedure = factory.SubFactory(ProcedureFactory)
    description = "Phí thẩm định"
    amount = 27664046


class LegalBasisFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LegalBasis

    procedure = factory.SubFactory(ProcedureFactory)
    number = "49/2010/QH12"
    title = "Luật Bưu chính"
    issued_on = dt.date(2010, 6, 17)


def record(code="1.000001.000.00.00.H56", **fields) -> dict:
    """One procedure in the import format (docs/procedures-import.md)."""
    data = {
        "MaTTHC": code,
        "TenTTHC": "Cấp giấy phép bưu chính",
        "MaLinhVuc": "BCH",
        "TenLinhVuc": "Bưu chính",
        "CoQuanThucHien": ["000.00.12.H56"],
        "MucDo": "Toàn trình",
        "ThoiHanGiaiQuyet": 5,
        "DonViThoiGian": "Ngày làm việc",
        "TrinhTuThucHien": "Bước 1: Nộp hồ sơ.",
        "CachThucThucHien": ["Trực tiếp", "Trực tuyến"],
        "ThanhPhanHoSo": [
            {"TenGiayTo": "Đơn đề nghị", "BatBuoc": "Có", "SoLuong": "01 bản chính"},
            {"TenGiayTo": "Giấy ủy quyền", "BatBuoc": "Không", "SoLuong": "01 bản sao"},
        ],
        "PhiLePhi": [{"MoTa": "Phí thẩm định", "SoTien": "27.664.046", "GhiChu": ""}],
        "CanCuPhapLy": [{"SoKyHieu": "49/2010/QH12", "TrichYeu": "Luật Bưu chính"}],
        "DoiTuongThucHien": "Doanh nghiệp",
        "KetQuaThucHien": "Giấy phép bưu chính",
    }
    data.update(fields)
    return data
