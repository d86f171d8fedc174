import factory

from congso.comments.models import Comment


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    name = factory.Sequence(lambda n: f"Nguyễn Văn {n}")
    email = factory.Sequence(lambda n: f"nguoidoc{n}@example.vn")
    text = "Bài viết rất hữu ích cho người dân."
    status = Comment.Status.PENDING
