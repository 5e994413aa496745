# Convenience targets; the scripts in tools/ are the source of truth (they also work without make).
.PHONY: run demo test bench lint screenshots bundle
run:
	tools/run-app
demo:
	tools/run-app --demo
test:
	tools/run-tests
bench:
	tools/run-bench
lint:
	tools/bootstrap && .venv/bin/ruff check interpreter tests benchmarks tools && .venv/bin/mypy && .venv/bin/lint-imports
bundle:
	tools/bootstrap && packaging/build.sh --tarball
