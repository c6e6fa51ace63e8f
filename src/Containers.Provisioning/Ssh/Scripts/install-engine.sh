# Detects the distribution and installs the Docker engine when dockerd is missing.
# Reads: nothing but /etc/os-release. Writes "os: ..." and "engine: ..." lines to standard output.

step detect-os
if [ ! -r /etc/os-release ]; then
  echo "This host has no /etc/os-release, so its Linux distribution (and package manager) cannot be told." >&2
  exit 1
fi
os_id=$(. /etc/os-release && printf '%s' "${ID:-unknown}")
os_like=$(. /etc/os-release && printf '%s' "${ID_LIKE:-}")
os_version=$(. /etc/os-release && printf '%s' "${VERSION_ID:-}")
echo "os: $os_id $os_version"

step install-engine
if command -v dockerd >/dev/null 2>&1; then
  echo "engine: installed $(command -v dockerd)"
else
  echo "engine: installing"
  case " $os_id $os_like " in
    *" debian "*|*" ubuntu "*)
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -q
      apt-get install -y -q docker.io
      ;;
    *" fedora "*)
      dnf install -y moby-engine
      ;;
    *" amzn "*)
      dnf install -y docker
      ;;
    *" rhel "*|*" centos "*|*" rocky "*|*" almalinux "*)
      # Docker's own repository: the distribution ships podman instead.
      dnf install -y dnf-plugins-core
      dnf config-manager --add-repo https://download.docker.com/linux/centos/docker-ce.repo
      dnf install -y docker-ce docker-ce-cli containerd.io
      ;;
    *" suse "*|*" opensuse "*|*" sles "*)
      zypper --non-interactive install docker
      ;;
    *)
      echo "The engine is not installed, and this module does not know how to install it on '$os_id' (ID_LIKE '$os_like'): install Docker on the host first." >&2
      exit 1
      ;;
  esac
  if ! command -v dockerd >/dev/null 2>&1; then
    echo "The package manager finished, but dockerd is still not on the PATH." >&2
    exit 1
  fi
  echo "engine: installed $(command -v dockerd)"
fi
