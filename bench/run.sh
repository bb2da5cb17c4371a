#!/usr/bin/env bash
# Builds core + bench (without tests) and runs JMH with the given arguments, e.g.
#   bench/run.sh TrainStepBench -wi 2 -i 3 -f 1
#   GRAD4J_BLAS=java bench/run.sh TrainStepBench
#   OPENBLAS_NUM_THREADS=1 bench/run.sh GemmBench -p impl=gemm,blas,loop
# Nothing here runs during `mvn verify`: the build only compiles the benchmarks.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl core,bench package dependency:build-classpath -DskipTests \
    -Dmdep.outputFile=target/classpath.txt >/dev/null
CP="bench/target/classes:$(cat bench/target/classpath.txt)"
exec java --add-modules jdk.incubator.vector -cp "$CP" org.openjdk.jmh.Main "$@"
