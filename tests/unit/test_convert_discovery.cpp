// Builder-pattern driver discovery (one reader for convert, verify and MSM3006), the driver
// sources (Makefile conditionals and prefixes, Jenkinsfiles, CI files), parser directives in a
// merge, and inputs that once crashed convert.

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "builder_pattern/convert.h"
#include "builder_pattern/discover.h"
#include "builder_pattern/driver_sources.h"
#include "util/error.h"
#include "temp_dir.h"

namespace fs = std::filesystem;
using namespace msm;
using namespace msm::builder_pattern;

namespace {

struct Project : msm::test::TempDir {
  std::string root() const { return path.string(); }
};

const char *k_build_go = "FROM golang:1.21\nWORKDIR /src\nCOPY main.go .\nRUN go build -o /out/app .\n";
const char *k_runtime = "FROM alpine:3.19\nCOPY app /usr/local/bin/app\nCMD [\"app\"]\n";
const char *k_create_cp = "docker build -t b -f Dockerfile.build .\ndocker container create --name x b\n"
                          "docker container cp x:/out/app ./app\ndocker container rm -f x\ndocker build -t app .\n";

}  // namespace

TEST_CASE("driver sources: Makefile conditionals, $(DOCKER), @/-/sudo prefixes and the target list") {
  std::string mk = "ifdef CI\nIMG = ci-app\nelse\nIMG = app\nendif\n"
                   "ifeq ($(IMG),app)\nFLAG = yes\nendif\n"
                   "all: image\n"
                   "image:\n\t@$(DOCKER) build -t $(IMG)-b -f Dockerfile.build .\n\t-sudo docker create --name x $(IMG)-b\n"
                   "ifndef FLAG\n\techo never\nendif\n\t+docker cp x:/out/app app\n";
  DriverScript r = makefile_recipe(mk, "", "Makefile");
  CHECK(r.target == "all");
  CHECK(r.script == "docker build -t app-b -f Dockerfile.build .\nsudo docker create --name x app-b\ndocker cp x:/out/app app\n");
  CHECK(makefile_targets(mk, "Makefile") == std::vector<std::string>{"all", "image"});
  DriverOptions o;
  o.file = "Makefile";
  auto m = read_driver(r.script, o, r.line_map);
  REQUIRE(m.extractions.size() == 1);
  CHECK(m.extractions[0].where.line == 16);
  CHECK(m.extractions[0].image == "app-b");
}

TEST_CASE("driver sources: Jenkinsfile sh steps, docker.build and docker.image().inside") {
  std::string jf = "pipeline {\n  stages {\n    stage('b') {\n      steps {\n"
                   "        sh 'docker build -t b -f Dockerfile.build .'\n"          // 5
                   "        script { docker.build(\"app:1\", \"-f Dockerfile.run .\") }\n"  // 6
                   "        sh \"\"\"\n          echo one\n          echo two\n        \"\"\"\n"  // 7-10
                   "        // sh 'commented out'\n"
                   "        script { docker.image('golang:1.21').inside('-e X=1') {\n"     // 12
                   "          sh 'go build -o out/app .'\n        } }\n"                  // 13
                   "        sh(script: 'docker push app:1')\n"                             // 15
                   "      }\n    }\n  }\n}\n";
  DriverScript r = jenkinsfile_recipe(jf, "Jenkinsfile");
  CHECK(r.script ==
        "docker build -t b -f Dockerfile.build .\n"
        "docker build -t \"app:1\" -f Dockerfile.run .\n"
        "          echo one\n          echo two\n"
        "docker run --rm -v \"$PWD\":/workspace -w /workspace -e X=1 golang:1.21 sh -c 'go build -o out/app .'\n"
        "docker push app:1\n");
  CHECK(r.line_map == std::vector<uint32_t>{5, 6, 8, 9, 13, 15});
  CHECK_THROWS_AS(jenkinsfile_recipe("node { echo 'hi' }\n", "Jenkinsfile"), msm::Error);
}

TEST_CASE("discovery: a script of any name in a subfolder, preferred over a CI file that only pushes") {
  Project p;
  p.write("Dockerfile.build", k_build_go);
  p.write("Dockerfile", k_runtime);
  p.write("main.go", "package main\n");
  p.write(".github/workflows/ci.yml", "jobs:\n  b:\n    steps:\n      - run: docker push app\n");
  p.write("tools/make-image", std::string("#!/bin/bash\nset -e\n") + k_create_cp);
  Driver d = discover_driver(DiscoverOptions{p.root(), std::nullopt, std::nullopt, {}});
  CHECK(d.file == "tools/make-image");
  CHECK(d.kind == "script");
  CHECK(d.is_pattern());
  REQUIRE(d.model.extractions.size() == 1);
  CHECK(d.model.extractions[0].where.file == "tools/make-image");
  CHECK(d.model.extractions[0].where.line == 5);
  CHECK(find_builder_pattern(p.root()).has_value());
}

TEST_CASE("discovery: a Makefile target reached through another, whose recipe calls a script") {
  Project p;
  p.write("Dockerfile.build", k_build_go);
  p.write("Dockerfile", k_runtime);
  p.write("Makefile", "DOCKER ?= docker\n.PHONY: test image\ntest:\n\tgo test ./...\nrelease: image\nimage:\n\t./scripts/docker-build v1\n");
  p.write("scripts/docker-build", "#!/bin/sh\nTAG=$1\ndocker build -t b:$TAG -f Dockerfile.build .\n"
                                  "id=$(docker create b:$TAG)\ndocker cp $id:/out/app app\ndocker rm $id\ndocker build -t app:$TAG .\n");
  Driver d = discover_driver(DiscoverOptions{p.root(), std::nullopt, std::nullopt, {}});
  // The Makefile ranks before the script in a subfolder; its `release` target reads the script.
  CHECK(d.file == "Makefile");
  CHECK(d.make_target == "release");
  CHECK(d.is_pattern());
  REQUIRE(d.model.builds.size() == 2);
  CHECK(d.model.extractions.at(0).where.file == "scripts/docker-build");
  CHECK(d.model.extractions.at(0).image == "b:v1");

  Driver make = discover_driver(DiscoverOptions{p.root(), std::nullopt, std::string("release"), {}});
  CHECK(make.kind == "makefile");
  CHECK(make.make_target == "release");
  CHECK(make.model.extractions.at(0).image == "b:v1");
}

TEST_CASE("discovery: no driver, a driver without the pattern, and a driver msmigrate refuses") {
  Project p;
  p.write("Dockerfile", k_runtime);
  CHECK_THROWS_AS(discover_driver(DiscoverOptions{p.root(), std::nullopt, std::nullopt, {}}), NothingToConvert);
  p.write("release.sh", "docker build -t app .\ndocker push app\n");
  try {
    discover_driver(DiscoverOptions{p.root(), std::nullopt, std::nullopt, {}});
    FAIL("expected NothingToConvert");
  } catch (const NothingToConvert &e) {
    CHECK(std::string(e.what()).find("release.sh") != std::string::npos);
  }
  p.write("build.sh", "docker build -t b -f Dockerfile.build .\ndocker cp $(docker ps -alq):/out/app app\ndocker build -t app .\n");
  Driver d = discover_driver(DiscoverOptions{p.root(), std::nullopt, std::nullopt, {}});
  CHECK(d.file == "build.sh");
  REQUIRE_FALSE(d.model.refusals.empty());
  CHECK(d.model.refusals[0].category == "non-deterministic-reference");
  CHECK(d.model.refusals[0].where.line == 2);
  CHECK_FALSE(find_builder_pattern(p.root()).has_value());
}

TEST_CASE("convert: parser directives of both files (equal merge, different syntax, different escape)") {
  Project p;
  p.write("main.go", "package main\n");
  p.write("build.sh", k_create_cp);
  p.write("Dockerfile.build", std::string("# syntax=docker/dockerfile:1\n") + k_build_go);
  p.write("Dockerfile", std::string("# syntax=docker/dockerfile:1\n") + k_runtime);
  ConvertOptions o;
  o.root = p.root();
  Conversion c = convert(o);
  REQUIRE(c.converted());
  CHECK(c.output.rfind("# syntax=docker/dockerfile:1\nFROM golang:1.21 AS builder\n", 0) == 0);
  CHECK(c.output.find("# syntax", 5) == std::string::npos);
  CHECK(c.warnings.empty());

  p.write("Dockerfile.build", std::string("# syntax=docker/dockerfile:1.7\n") + k_build_go);
  c = convert(o);
  REQUIRE(c.converted());
  CHECK(c.output.rfind("# syntax=docker/dockerfile:1\n", 0) == 0);
  REQUIRE(c.warnings.size() == 1);
  CHECK(c.warnings[0].category == "syntax-directive");
  CHECK(c.warnings[0].where.file == "Dockerfile.build");

  p.write("Dockerfile.build", std::string("# escape=`\n") + k_build_go);
  c = convert(o);
  CHECK_FALSE(c.converted());
  REQUIRE(c.refusals.size() == 1);
  CHECK(c.refusals[0].category == "different-escape");
  CHECK(c.refusals[0].where.file == "Dockerfile.build");
  CHECK(c.refusals[0].where.line == 1);
  CHECK(c.refusals[0].message.find("Dockerfile (no escape directive") != std::string::npos);
}

TEST_CASE("convert: inputs that once crashed it are errors naming the file") {
  Project p;
  p.write("main.go", "package main\n");
  p.write("build.sh", k_create_cp);
  p.write("Dockerfile.build", k_build_go);
  p.write("Dockerfile", std::string("COPY app /app\n") + k_runtime);
  ConvertOptions o;
  o.root = p.root();
  try {
    convert(o);
    FAIL("expected an error");
  } catch (const NothingToConvert &) {
    FAIL("not a missing builder pattern");
  } catch (const Error &e) {
    CHECK(std::string(e.what()).find("Dockerfile:1: COPY before the first FROM") != std::string::npos);
    CHECK(e.exit_code() == 2);
  }
  fs::remove(p.path / "Dockerfile");
  fs::create_symlink("Dockerfile", p.path / "Dockerfile");
  try {
    convert(o);
    FAIL("expected an error");
  } catch (const Error &e) {
    CHECK(std::string(e.what()).find("symbolic links") != std::string::npos);
    CHECK(std::string(e.what()).find("internal") == std::string::npos);
  }
}

TEST_CASE("discovery: build tools that run docker themselves are refused by name, not 'no driver'") {
  Project p;
  p.write("Dockerfile", k_runtime);
  p.write("Taskfile.yml", "version: '3'\ntasks:\n  build:\n    cmds:\n      - docker build -t x .\n");
  Driver d = discover_driver(DiscoverOptions{p.root(), std::nullopt, std::nullopt, {}});
  CHECK(d.kind == "other");
  REQUIRE(d.model.refusals.size() == 1);
  CHECK(d.model.refusals[0].category == "opaque-producer");
  CHECK(d.model.refusals[0].message.find("Task builds the images from Taskfile.yml") == 0);
  CHECK(d.model.refusals[0].where.file == "Taskfile.yml");
}

TEST_CASE("driver sources: a Windows batch driver reads as shell") {
  DriverScript r = windows_script_recipe("@ECHO OFF\r\nREM build\r\nECHO Building\r\ndocker run --rm -v %CD%/src:/src -w /src golang go build -o app\r\n"
                                         "docker build -t %IMAGE% ^\r\n  -f Dockerfile.run .\r\n",
                                         "run.bat");
  CHECK(r.script == "\n\necho Building\ndocker run --rm -v $PWD/src:/src -w /src golang go build -o app\n"
                    "docker build -t ${IMAGE} \\\n-f Dockerfile.run .\n");
  CHECK(r.line_map == std::vector<uint32_t>{1, 2, 3, 4, 5, 6});
  Project p;
  p.write("Dockerfile.run", "FROM scratch\nCOPY src/app /\n");
  p.write("src/main.go", "package main\n");
  p.write("run.bat", "ECHO OFF\r\ndocker run --rm -v %CD%/src:/src -w /src golang:1.8 go build -v -o app\r\ndocker build -t dfs -f Dockerfile.run .\r\n");
  ConvertOptions o;
  o.root = p.root();
  Conversion c = convert(o);
  REQUIRE(c.converted());
  CHECK(c.driver_kind == "windows");
  CHECK(c.output.find("COPY --from=builder /src/app /") != std::string::npos);
  CHECK(c.output.find("RUN [\"go\", \"build\", \"-v\", \"-o\", \"app\"]") != std::string::npos);
}

TEST_CASE("driver: 100,000 nested `${` are refused before parsing, at once") {
  std::string script = "#!/bin/sh\ndocker build -t ";
  for (int i = 0; i < 100000; ++i) script += "${";
  script += " .\n";
  DriverOptions o;
  o.file = "build.sh";
  auto m = read_driver(script, o);
  REQUIRE(m.refusals.size() == 1);
  CHECK(m.refusals[0].category == "unfollowable-logic");
  CHECK(m.refusals[0].where.line == 2);
  CHECK(m.builds.empty());
}
