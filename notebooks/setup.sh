#!/bin/sh
# Sets up corelab's notebooks for this user, from the repository root or anywhere:
#  1. builds corelab with the notebooks' profile, which also fetches the Java kernel for Jupyter
#     (rapaio-jupyter-kernel, one jar from Maven Central, through ./mvnw) and writes corelab's
#     classpath (see lab/pom.xml; the main job's build fetches no kernel);
#  2. writes a kernelspec that runs that kernel on the JDK 25+ that ./mvnw uses, with corelab on
#     the notebooks' classpath (corelab.lab.KernelSpec), straight into this user's Jupyter data
#     folder as the kernel 'corelab' (~/.local/share/jupyter/kernels/corelab, where
#     `jupyter kernelspec install --user` would put it; Debian's Jupyter packages lack that command).
# Run it again after `./mvnw clean`, or when the checkout moves.
set -eu
cd "$(dirname "$0")/.."
if ! command -v jupyter >/dev/null 2>&1; then
  echo "notebooks/setup.sh: Jupyter is missing; on Debian: sudo apt-get install -y jupyter-notebook jupyter-nbconvert python3-nbclient" >&2
  exit 1
fi
echo "+ ./mvnw -q -B -Pnotebooks -pl lab -am compile"
./mvnw -q -B -Pnotebooks -pl lab -am compile
. ./.mvn/corelab-jdk.sh # exports JAVA_HOME: the JDK 25+ that ./mvnw picked, whatever java is on the PATH
spec="$(jupyter --data-dir)/kernels/corelab"
echo "+ $JAVA_HOME/bin/java corelab.lab.KernelSpec lab $spec"
"$JAVA_HOME/bin/java" -cp "lab/target/classes:$(cat lab/target/notebook-classpath.txt)" corelab.lab.KernelSpec lab "$spec"
echo "notebooks/setup.sh: done. Open the labs with:  jupyter notebook --ip=127.0.0.1 --no-browser notebooks/"
