#!/usr/bin/env bash
# pre-commit (>= 3.2.2, from PyPI) into .build/precommit-venv for PreCommitTests.
exec bash "$(dirname "$0")/install-test-venv.sh" precommit 'pre-commit>=3.2.2'
