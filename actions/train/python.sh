#!/usr/bin/env bash
# The train action's Python step: a virtual environment with the project's dependencies,
# put first on PATH for the training step, so `python train.py` is that environment's.
# Inputs arrive as environment variables only (never spliced into this script):
#   TRAINYARD_PYTHON_REQUIREMENTS  requirements*.txt (pip), uv.lock or pyproject.toml
#                                  (uv when a uv.lock is beside it, else pip), or
#                                  environment.yml / environment.yaml (conda); may be empty
#   TRAINYARD_PYTHON_SETUP         a command run afterwards in the environment; may be empty
#   TRAINYARD_PYTHON_ENV           where the environment goes (default $RUNNER_TEMP/trainyard-python)
# Exit 2: an input names a file that is not there or of a kind it does not know.
set -euo pipefail

requirements="${TRAINYARD_PYTHON_REQUIREMENTS:-}"
setup="${TRAINYARD_PYTHON_SETUP:-}"
env_dir="${TRAINYARD_PYTHON_ENV:-${RUNNER_TEMP:?}/trainyard-python}"
python="$(command -v python3 || command -v python || true)"

fail() {
  echo "::error title=trainyard train::$1"
  exit "${2:-2}"
}

make_venv() {
  [ -n "$python" ] || fail "no python3 on PATH; set the python-version input (actions/setup-python) or use a runner image with Python" 3
  "$python" -m venv "$env_dir" || fail "$python cannot create a virtual environment; install python3-venv on the runner (the trainyard CUDA image has it)" 3
}

if [ -n "$requirements" ]; then
  [ -f "$requirements" ] || fail "python-requirements: $requirements is not a file; expected requirements.txt, uv.lock, pyproject.toml or environment.yml"
  folder="$(cd "$(dirname "$requirements")" && pwd)"
  case "$(basename "$requirements")" in
    *.txt)
      make_venv
      "$env_dir/bin/python" -m pip install -r "$requirements"
      ;;
    uv.lock | pyproject.toml)
      if [ -f "$folder/uv.lock" ]; then
        make_venv
        "$env_dir/bin/python" -m pip install --quiet uv
        UV_PROJECT_ENVIRONMENT="$env_dir" "$env_dir/bin/uv" sync --frozen --project "$folder"
      else
        make_venv
        "$env_dir/bin/python" -m pip install "$folder"
      fi
      ;;
    environment.yml | environment.yaml)
      command -v conda > /dev/null || fail "python-requirements: $requirements needs conda on PATH (conda-incubator/setup-miniconda, or a runner image with conda)" 3
      conda env create --yes --prefix "$env_dir" --file "$requirements" || conda env update --prefix "$env_dir" --file "$requirements"
      ;;
    *)
      fail "python-requirements: $requirements is not a kind trainyard installs; expected requirements*.txt, uv.lock, pyproject.toml or environment.yml"
      ;;
  esac
else
  make_venv
fi

echo "$env_dir/bin" >> "${GITHUB_PATH:?}"
if [ -n "$setup" ]; then
  PATH="$env_dir/bin:$PATH" VIRTUAL_ENV="$env_dir" bash -c "$setup"
fi
"$env_dir/bin/python" --version
