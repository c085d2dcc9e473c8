"""Form data shared by the accounts tests."""

#: a complete, valid sign-up; tests change one field at a time
SIGNUP_FORM = {
    "username": "sitiaminah",
    "full_name": "Siti Aminah",
    "email": "siti@contoh.id",
    "password1": "Banjir-Rob-2026!",
    "password2": "Banjir-Rob-2026!",
    "accept_terms": "on",
}
