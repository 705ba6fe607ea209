# Sozialmonitor — the two commands a new user needs:
#   make demo   install what is missing, install the plugin into QGIS, run the Berlin MSS 2019 demo headless
#   make test   install what is missing and run the whole test suite on the host's QGIS and on the other
#               QGIS versions in cached Debian roots (this is what .ci/run calls); make test-here: host only
SHELL := /bin/bash
VENV  ?= .venv
PY    := $(VENV)/bin/python
export QT_QPA_PLATFORM ?= offscreen
export XDG_RUNTIME_DIR ?= /tmp/runtime-$(shell id -u)

.PHONY: demo test test-here bootstrap install-plugin package translations translations-update screenshot bench clean

bootstrap:
	@VENV=$(VENV) bash scripts/bootstrap.sh
	@mkdir -p -m 700 $(XDG_RUNTIME_DIR)
	@bash scripts/fetch_web_vendor.sh

translations: bootstrap
	@bash scripts/i18n_compile.sh

# Collect every tr() string of plugin/ and ui/ into resources/i18n/*.ts (keeps existing translations)
translations-update:
	@python3 scripts/i18n_update.py

# Real QGIS desktop under Xvfb: docs/screenshots/panel.png (German) and panel_en.png (English)
screenshot: bootstrap translations
	@bash scripts/screenshot_panel.sh de docs/screenshots/panel.png
	@bash scripts/screenshot_panel.sh en docs/screenshots/panel_en.png

# dist/sozialmonitor-<version>.zip (Plugins › Install from ZIP) and dist/plugins.xml for an internal
# plugin repository; REPO_URL: where dist/ will be served (default: dist/'s own file:// address)
REPO_URL ?=
package: translations
	@/usr/bin/python3 scripts/package.py --repo-url "$(REPO_URL)"

install-plugin: bootstrap translations
	@/usr/bin/python3 scripts/install_plugin.py

demo: install-plugin
	@bash scripts/demo.sh

# The suite on this machine's QGIS only (the quick loop while developing). -rs: skipped tests say why.
LANE ?= host
test-here: bootstrap translations
	@$(PY) scripts/lane_info.py '$(LANE)'
	@$(PY) -m pytest -q -rs $(PYTEST_ARGS)

# The suite on this machine's QGIS and, in Debian roots, on the other QGIS versions CI covers
# (3.22, 3.40, 3.44): see scripts/test_lanes.sh. Every lane runs; any failing lane fails the target.
test: bootstrap translations
	@bash scripts/test_lanes.sh $(PYTEST_ARGS)

bench: bootstrap
	@$(PY) bench/run_all.py

clean:
	rm -rf build dist .pytest_cache
