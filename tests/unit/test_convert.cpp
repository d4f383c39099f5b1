// Builder-pattern conversion: driver reading, and properties every converted fixture must have.

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "analysis/stages.h"
#include "analysis/stage_names.h"
#include "builder_pattern/convert.h"
#include "builder_pattern/driver.h"
#include "builder_pattern/driver_sources.h"
#include "syntax/document.h"
#include "util/error.h"

namespace fs = std::filesystem;
using namespace msm;
using namespace msm::builder_pattern;
using msm::analysis::sanitize_stage_name;
using msm::analysis::unique_stage_name;
using msm::analysis::valid_stage_name;

namespace {

std::vector<std::string> lines_of(const std::string &text) {
  std::vector<std::string> out;
  std::stringstream ss(text);
  std::string line;
  while (std::getline(ss, line)) out.push_back(line);
  return out;
}

std::string slurp(const fs::path &p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<fs::path> fixture_dirs() {
  std::vector<fs::path> out;
  for (const auto &e : fs::directory_iterator(fs::path(MSM_SOURCE_DIR) / "fixtures" / "convert")) {
    if (e.is_directory()) out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

ConvertOptions options_for(const fs::path &dir) {
  ConvertOptions o;
  o.root = (dir / "input").string();
  if (fs::exists(dir / "args")) {
    std::stringstream ss(slurp(dir / "args"));
    std::string flag, value;
    while (ss >> flag >> value) {
      if (flag == "--runtime-dockerfile") o.runtime_dockerfile = value;
      if (flag == "--make-target") o.make_target = value;
      if (flag == "--script") o.script = value;
    }
  }
  return o;
}

DriverModel read(const std::string &script) {
  DriverOptions o;
  o.file = "build.sh";
  o.is_directory = [](const std::string &p) { return p == "." || p == "out"; };
  o.exists = [](const std::string &) { return false; };
  return read_driver(script, o);
}

}  // namespace

TEST_CASE("driver: create + cp with a variable id, defaults and a rename") {
  auto m = read("#!/bin/sh -e\nTAG=${TAG:-1.0}\ndocker build -t app-b:$TAG -f Dockerfile.build .\n"
                "id=$(docker create app-b:$TAG)\ndocker cp \"$id\":/src/bin/app ./server\ndocker rm \"$id\"\n"
                "docker build -t app:$TAG .\ndocker push app:$TAG\n");
  REQUIRE(m.builds.size() == 2);
  CHECK(m.builds[0].dockerfile == "Dockerfile.build");
  CHECK(m.builds[0].tags == std::vector<std::string>{"app-b:1.0"});
  CHECK(m.builds[1].dockerfile == "Dockerfile");
  REQUIRE(m.extractions.size() == 1);
  CHECK(m.extractions[0].image == "app-b:1.0");
  CHECK(m.extractions[0].container_path == "/src/bin/app");
  CHECK(m.extractions[0].host_path == "server");
  CHECK(m.refusals.empty());
  bool publish = std::any_of(m.host_steps.begin(), m.host_steps.end(), [](const HostStep &s) { return s.kind == HostStep::Kind::Publish; });
  CHECK(publish);
}

TEST_CASE("driver: docker cp destination semantics (existing dir, dir/., missing)") {
  auto m = read("docker create --name c img\ndocker cp c:/a/b out\ndocker cp c:/x/. ./new\ndocker cp c:rel ./file\nmkdir -p made\ndocker cp c:/d made\n");
  REQUIRE(m.extractions.size() == 4);
  CHECK(m.extractions[0].host_path == "out/b");   // existing directory takes it inside
  CHECK(m.extractions[1].host_path == "new");     // contents merged
  CHECK(m.extractions[1].contents);
  CHECK(m.extractions[1].container_path == "/x");
  CHECK(m.extractions[2].container_path == "/rel");  // container paths are relative to /
  CHECK(m.extractions[3].host_path == "made/d");     // the script's own mkdir counts
}

TEST_CASE("driver: cd, functions and --cidfile are followed") {
  auto m = read("build() {\n  docker build -t \"$1\" -f \"$2\" .\n}\ncd sub\nbuild b Dockerfile.b\n"
                "docker run -d --cidfile cid b sleep 60\ndocker cp \"$(cat cid)\":/o/app ../app\n");
  REQUIRE(m.builds.size() == 1);
  CHECK(m.builds[0].dockerfile == "sub/Dockerfile.b");
  CHECK(m.builds[0].context == "sub");
  REQUIRE(m.extractions.size() == 1);
  CHECK(m.extractions[0].image == "b");
  CHECK(m.extractions[0].host_path == "app");
}

TEST_CASE("driver: bind-mount builds, cache mounts, and what is refused") {
  auto m = read("docker run --rm -v \"$PWD\":/w -v ~/.m2:/root/.m2 -w /w maven:3 mvn package\n");
  REQUIRE(m.runs.size() == 1);
  REQUIRE(m.runs[0].mounts.size() == 2);
  CHECK(m.runs[0].mounts[0].kind == Mount::Kind::Source);
  CHECK(m.runs[0].mounts[1].kind == Mount::Kind::Cache);
  CHECK(m.runs[0].args == std::vector<std::string>{"mvn", "package"});
  CHECK(m.extractions.at(0).via == Extraction::Via::BindMount);
  // CI checkout variables name the project root; a cache under the host's $HOME stays symbolic.
  auto ci = read("docker run --rm -v \"$GITHUB_WORKSPACE:/w\" -v \"cache:$HOME/.cache\" -w /w img make\n");
  CHECK(ci.runs.at(0).mounts.at(0).host == ".");
  CHECK(ci.runs.at(0).mounts.at(1).container == "$HOME/.cache");

  CHECK(read("docker run -v /var/run/docker.sock:/var/run/docker.sock img\n").refusals.at(0).category == "docker-socket");
  CHECK(read("docker cp $(docker ps -alq):/a ./a\n").refusals.at(0).category == "non-deterministic-reference");
  CHECK(read("docker run --rm -v \"$PWD\":/w img make && make package\n").refusals.at(0).category == "hidden-host-command");
  CHECK(read("docker-compose run builder\n").refusals.at(0).category == "opaque-producer");
  CHECK(read("for a in x y; do docker build -t b-$a .; done\n").refusals.at(0).category == "unfollowable-logic");
}

TEST_CASE("driver: Makefile recipes with prerequisites, variables and $(MAKE)") {
  std::string mk = "IMG ?= app\nall: image\nbuilder:\n\tdocker build -t $(IMG)-b -f Dockerfile.build .\n"
                   "image: builder\n\t@docker create --name x $(IMG)-b\n\t$(MAKE) extract\n\tdocker build -t $(IMG) .\n"
                   "extract:\n\tdocker cp x:/out/app app\n";
  DriverScript r = makefile_recipe(mk, "", "Makefile");
  CHECK(r.target == "all");
  CHECK(r.script == "docker build -t app-b -f Dockerfile.build .\ndocker create --name x app-b\ndocker cp x:/out/app app\ndocker build -t app .\n");
  CHECK(r.line_map == std::vector<uint32_t>{4, 6, 10, 8});
  CHECK_THROWS_AS(makefile_recipe(mk, "nope", "Makefile"), msm::Error);
}

TEST_CASE("driver: CI configurations' shell steps, in order, with their lines") {
  std::string yml = "jobs:\n  b:\n    steps:\n      - run: docker build -t x:${{ github.sha }} .\n"
                    "      - run: |\n          echo a\n          docker push x\n";
  DriverScript r = ci_recipe(yml, "ci.yml");
  CHECK(r.script == "docker build -t x:${MSM_CI_EXPR_0} .\necho a\ndocker push x\n");
  CHECK(r.line_map == std::vector<uint32_t>{4, 6, 7});
  CHECK(r.expressions == std::vector<std::string>{"${{ github.sha }}"});
  CHECK_THROWS_AS(ci_recipe("a: [", "ci.yml"), msm::Error);
  CHECK_THROWS_AS(ci_recipe("a: b\n", "ci.yml"), msm::Error);
}

TEST_CASE("stage names are valid, lowercase, unique and not reserved") {
  CHECK(sanitize_stage_name("Build_Env") == "build_env");
  CHECK(sanitize_stage_name("1abc") == "abc");
  CHECK(sanitize_stage_name("scratch") == "scratch-stage");
  CHECK(unique_stage_name("builder", {"builder", "builder-2"}) == "builder-3");
  CHECK(valid_stage_name("a-b.c_1"));
  CHECK_FALSE(valid_stage_name("Builder"));
  CHECK_FALSE(valid_stage_name("context"));
}

TEST_CASE("convert: properties of every converted fixture") {
  size_t converted = 0, refused = 0;
  for (const auto &dir : fixture_dirs()) {
    CAPTURE(dir.filename().string());
    Conversion c = convert(options_for(dir));
    if (!c.converted()) {
      ++refused;
      CHECK_FALSE(c.refusals.empty());
      for (const auto &r : c.refusals) CHECK(r.where.line > 0);  // every refusal points at a line
      continue;
    }
    ++converted;
    // The output parses with no problems, and its stage names are valid and unique.
    auto doc = syntax::Document::parse(c.output, c.output_path);
    CHECK(doc->problems().empty());
    analysis::StageGraph graph(*doc);
    std::set<std::string> names;
    for (const auto &s : graph.stages()) {
      if (s.name.empty()) continue;
      CHECK(valid_stage_name(s.name));
      CHECK(names.insert(s.name).second);
    }
    // Never --from=<index>; every --from names a stage defined before it.
    for (const auto &s : graph.stages()) {
      for (const auto &d : s.dependencies) {
        if (d.kind != analysis::DependencyKind::CopyFrom) continue;
        REQUIRE(d.stage.has_value());
        CHECK(*d.stage < s.index);
        CHECK(d.reference.find_first_not_of("0123456789") != std::string::npos);
      }
    }
    // Converting twice gives the same bytes.
    Conversion again = convert(options_for(dir));
    CHECK(again.output == c.output);
    // The runtime part equals the old runtime Dockerfile except the artifact lines.
    if (c.runtime_dockerfile) {
      std::string old = slurp(dir / "input" / *c.runtime_dockerfile);
      std::set<std::string> before, after;
      for (const auto &a : c.artifacts) {
        before.insert(a.before);
        after.insert(a.after);
      }
      std::vector<std::string> old_lines, new_lines;
      // Parser directives move to the top of the merged file (one set for both files).
      auto directive = [](const std::string &l) { return l.rfind("# syntax=", 0) == 0 || l.rfind("# check=", 0) == 0; };
      for (auto &l : lines_of(old)) {
        if (!before.count(l) && !directive(l)) old_lines.push_back(l);
      }
      for (auto &l : lines_of(c.output)) {
        if (!after.count(l) && !directive(l)) new_lines.push_back(l);
      }
      REQUIRE(new_lines.size() >= old_lines.size());
      std::vector<std::string> tail(new_lines.end() - static_cast<long>(old_lines.size()), new_lines.end());
      CHECK(tail == old_lines);
    }
    // The builder stages keep every line of their Dockerfiles (only AS, ARG defaults and rebased sources change).
    for (const auto &b : c.builders) {
      if (b.dockerfile.empty()) continue;
      for (const auto &l : lines_of(slurp(dir / "input" / b.dockerfile))) {
        bool kept = c.output.find(l) != std::string::npos || l.rfind("FROM", 0) == 0 || l.rfind("ARG", 0) == 0 ||
                    l.rfind("COPY", 0) == 0;
        CHECK_MESSAGE(kept, l);
      }
    }
  }
  CHECK(converted >= 13);
  CHECK(refused >= 6);
}

TEST_CASE("convert: bad input is an error naming the file") {
  ConvertOptions o;
  o.root = "/nonexistent/msmigrate-test";
  CHECK_THROWS_AS(convert(o), msm::Error);
  fs::path tmp = fs::temp_directory_path() / "msm_convert_no_driver";
  fs::create_directories(tmp);
  o.root = tmp.string();
  try {
    convert(o);
    FAIL("no driver must be an error");
  } catch (const msm::Error &e) {
    CHECK(std::string(e.what()).find("no driver found") != std::string::npos);
  }
  fs::remove_all(tmp);
}

TEST_CASE("driver: a Jenkins workspace destination is the checkout; a relative docker cp path reads from /") {
  auto m = read("docker build -t b -f Dockerfile.build .\nc=$(docker create b)\n"
                "docker cp \"$c\":/src/app.jar /home/ci/agent/workspace/team/job\n"
                "docker cp \"$c\":out/tool ./tool\n");
  REQUIRE(m.extractions.size() == 2);
  CHECK(m.extractions[0].host_path == "app.jar");
  CHECK_FALSE(m.extractions[0].relative);
  CHECK(m.extractions[1].container_path == "/out/tool");
  CHECK(m.extractions[1].relative);
  bool warned = false;
  for (const auto &w : m.warnings) warned = warned || w.category == "ci-workspace";
  CHECK(warned);
  // Anywhere else outside the project is still an installer's destination.
  CHECK(read("c=$(docker create b)\ndocker cp \"$c\":/src/app /usr/local/bin\n").refusals.at(0).category == "installer-image");
}
