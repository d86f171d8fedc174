from wagtail import hooks

from congso.users.admin_language import whats_new_label_per_request

hooks.register("construct_help_menu", whats_new_label_per_request)
