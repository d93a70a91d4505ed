import pytest

from app.domain.identifiers import IdentifierError, mask_pesel, valid_nip, valid_pesel, valid_regon


def test_valid_identifiers_pass():
    assert valid_pesel("44051401359") == "44051401359"
    assert valid_nip("7740001454") == "7740001454"
    assert valid_regon("192598184") == "192598184"


@pytest.mark.parametrize(
    ("check", "value", "field"),
    [
        (valid_pesel, "44051401358", "pesel"),
        (valid_pesel, "4405140135", "pesel"),
        (valid_nip, "7740001455", "nip"),
        (valid_regon, "192598185", "regon"),
    ],
)
def test_bad_checksum_is_refused_with_a_polish_message(check, value, field):
    with pytest.raises(IdentifierError) as err:
        check(value)
    assert err.value.field == field
    assert "Nieprawidłowy numer" in str(err.value)


def test_pesel_is_masked_in_lists():
    assert mask_pesel("44051401359") == "440514•••••"
