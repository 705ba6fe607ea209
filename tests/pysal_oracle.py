"""PySAL (esda + libpysal) as test oracle, imported the same way on every lane.

esda/libpysal are test-only: pip pins on Debian 12 (esda 2.5.1, libpysal 4.7), Debian's python3-esda /
python3-libpysal on Debian 13 (esda 2.7, libpysal 4.12). The plugin never imports them.

libpysal 4.7 polls a web page (the GeoDa data list) while ``libpysal.examples`` is imported; offline
that waits for a network time-out. The real modules are imported here, in libpysal's own order, with
``requests.get`` failing at once for the duration of the import, so no web page is asked for
(libpysal 4.7 then lists no remote data sets, which the tests do not use; libpysal 4.12 no longer
polls). A stub module in ``sys.modules["libpysal.examples"]`` is not an option: libpysal 4.12 imports
``examples`` before ``graph``, ``io`` and ``weights`` to get their circular imports resolved, and a
stub breaks that ("cannot import name 'WSP' from partially initialized module").
"""
import warnings
from unittest import mock

import numpy as np


def _offline(*_args, **_kwargs):
    import requests

    raise requests.ConnectionError("the test suite asks no web page")


def _import():
    import requests

    with warnings.catch_warnings(), mock.patch.object(requests, "get", _offline):
        warnings.simplefilter("ignore")
        import esda
        import esda.getisord
        import esda.moran
        import libpysal
        import libpysal.weights
    return esda, libpysal


esda, libpysal = _import()
Moran = esda.moran.Moran
Moran_Local = esda.moran.Moran_Local  # noqa: N816 (esda's class name)
G_Local = esda.getisord.G_Local  # noqa: N816

VERSIONS = "esda {}, libpysal {}, numpy {}".format(
    getattr(esda, "__version__", "?"), getattr(libpysal, "__version__", "?"), np.__version__)
