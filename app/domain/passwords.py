"""The password policy (OWASP ASVS 4.0.3 §2.1, level 2): at least 12 characters (2.1.1), at most
1024 (argon2 takes any length; 2.1.2 asks that at least 64 be allowed), not the user name, and
not one of the passwords people pick most often (2.1.7)."""

from __future__ import annotations

MIN_LENGTH = 12
MAX_LENGTH = 1024

# Passwords of 12 characters or more that appear at the top of the public lists of most used and
# breached passwords (e.g. the lists compiled from public breach corpora such as "10k most common"
# and the yearly "most common passwords" reports), plus Polish and product-specific ones a unit's
# staff would try first. Shorter passwords are refused by length already. Compared
# case-insensitively.
COMMON = frozenset(
    {
        "123456789012",
        "1234567890123",
        "12345678901234",
        "123456789123",
        "123123123123",
        "111111111111",
        "000000000000",
        "123412341234",
        "121212121212",
        "123321123321",
        "147258369147",
        "987654321098",
        "qwertyuiopas",
        "qwertyuiop12",
        "qwerty123456",
        "qwerty1234567",
        "qwertyuiop123",
        "qwertyqwerty",
        "asdfghjkl123",
        "asdfghjklzxc",
        "zxcvbnm12345",
        "1q2w3e4r5t6y",
        "1q2w3e4r5t6y7u",
        "q1w2e3r4t5y6",
        "1qaz2wsx3edc",
        "zaq12wsxcde3",
        "zaq1xsw2cde3",
        "zaq1@wsx#edc",
        "!qaz@wsx#edc",
        "1qazxsw23edc",
        "password1234",
        "password12345",
        "password123456",
        "passwordpassword",
        "password1!password",
        "mypassword123",
        "iloveyou1234",
        "princess1234",
        "football1234",
        "baseball1234",
        "sunshine1234",
        "letmein12345",
        "welcome12345",
        "welcome123456",
        "administrator",
        "administrator1",
        "administrator123",
        "admin1234567",
        "admin12345678",
        "adminadmin123",
        "abcdefghijkl",
        "abcdefgh1234",
        "abc123abc123",
        "abcd12345678",
        "aaaaaaaaaaa1",
        "changeme1234",
        "trustno11234",
        "haslo1234567",
        "haslo12345678",
        "haslohaslo12",
        "haslo123haslo",
        "mojehaslo123",
        "tajnehaslo123",
        "nowehaslo123",
        "polska123456",
        "polska12345678",
        "kochamcie123",
        "kochamcie1234",
        "niewiem12345",
        "zaq1zaq1zaq1",
        "windykacja123",
        "windykacja2025",
        "windykacja2026",
        "windykacja1234",
        "ops123456789",
        "mops12345678",
        "gops12345678",
        "urzadmiasta1",
        "wloclawek123",
        "warszawa1234",
        "krakow123456",
        "styczen2025!",
        "styczen2026!",
        "luty2025luty",
        "jesien2025!!",
        "lato2025lato",
        "zima2025zima",
    }
)


def password_problem(password: str, username: str = "") -> str | None:
    """What is wrong with the password, in Polish; None when it may be used."""
    if len(password) < MIN_LENGTH:
        return f"Hasło musi mieć co najmniej {MIN_LENGTH} znaków"
    if len(password) > MAX_LENGTH:
        return f"Hasło może mieć najwyżej {MAX_LENGTH} znaków"
    folded = password.lower()
    if folded.strip() == username.strip().lower():
        return "Hasło nie może być takie samo jak nazwa użytkownika"
    if folded in COMMON or len(set(folded)) <= 2:
        return "To hasło jest zbyt popularne i łatwe do odgadnięcia; wybierz inne"
    return None
