"""Refuse addresses no reader can mean: a NUL character in the path or the query string.

PostgreSQL can neither store nor compare text containing NUL, so such a value reaching any
lookup is a 500 there (and not on SQLite): one check at the door instead of one in every view
and endpoint. The answer is a 400 with a Vietnamese message, JSON for the API.
"""

from django.http import HttpResponseBadRequest, JsonResponse

MESSAGE = "Địa chỉ chứa ký tự không hợp lệ."


class RefuseNulMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": MESSAGE}, status=400)
            return HttpResponseBadRequest(MESSAGE, content_type="text/plain; charset=utf-8")
        return self.get_response(request)
