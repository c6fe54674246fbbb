"""Modules only a rare path needs are imported on that path, not by every run."""
from tests.entry_runs import imported_by_a_warm_run


def test_a_one_file_run_does_not_import_string(tmp_path):
    """``string`` (whose Template class compiles an expression at import) serves only the
    message-template check of a rule set being validated and the Formatter fallback of a
    template ``str.format_map`` refuses: a warm run over a seed does not import it."""
    assert imported_by_a_warm_run(tmp_path, ("string",)) == []


def test_a_one_file_run_loads_no_sha_module_nor_signal_py(tmp_path):
    """SHA-1 and SHA-256 (each a shared library's load) are loaded by
    ``checker.core.digests`` at their first use, which a warm check of one file without
    ``--fix`` never makes (the source's digest is made for ``--fix`` only); the timers and
    handlers are set through ``_signal``, not ``signal.py`` and its IntEnums."""
    assert imported_by_a_warm_run(tmp_path, ("_sha1", "_sha256", "_sha2", "signal")) == []


def test_the_lazy_digests_are_the_modules_own_attributes():
    """``digests.sha1`` and ``digests.sha256`` made on first read are kept as attributes
    (one load each), and a name the module does not have is still an AttributeError."""
    import pytest

    from checker.core import digests

    assert digests.sha1(b"abc").hexdigest() == "a9993e364706816aba3e25717850c26c9cd0d89d"
    assert digests.sha256(b"").hexdigest().startswith("e3b0c44298fc1c14")
    assert "sha1" in vars(digests) and "sha256" in vars(digests)
    with pytest.raises(AttributeError):
        digests.md5


def test_the_rare_paths_still_work():
    from checker.engine.stamp import render_message
    from checker.rules.loader import check_message_args

    import pytest

    from checker.core.errors import ConfigError

    # a positional field: format_map refuses, the Formatter (imported here) decides
    assert render_message("{} of {name}", {"name": "x"}) == "{} of {name}"
    check_message_args("f.yaml", "r", "{name} {count}", ["name", "count"])
    with pytest.raises(ConfigError, match="unknown placeholder"):
        check_message_args("f.yaml", "r", "{name} {other}", ["name"])
