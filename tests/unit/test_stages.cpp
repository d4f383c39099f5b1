// Stage graph and ARG/ENV scope.

#include <doctest/doctest.h>

#include "analysis/stages.h"

using msm::analysis::DependencyKind;
using msm::analysis::StageGraph;
using msm::syntax::Document;

TEST_CASE("stages: names, references by name and index, what a target needs") {
  auto doc = Document::parse(
      "ARG GO=1.22\n"
      "FROM golang:${GO} AS Build\nRUN make\n"
      "FROM alpine AS tools\nRUN apk add git\n"
      "FROM build AS test\nRUN --mount=type=bind,from=tools,target=/t make test\n"
      "FROM scratch\nCOPY --from=0 /out/app /app\nCOPY --from=busybox:1.36 /bin/sh /sh\n");
  StageGraph graph(*doc);
  const auto &stages = graph.stages();
  REQUIRE(stages.size() == 4);
  CHECK(stages[0].name == "build");
  CHECK(stages[0].base_expanded == "golang:1.22");
  CHECK_FALSE(stages[0].base_stage.has_value());
  CHECK(stages[2].base_stage == std::optional<size_t>(0));
  CHECK(stages[3].is_scratch());
  CHECK(graph.find("BUILD") == std::optional<size_t>(0));
  CHECK(graph.find("1") == std::optional<size_t>(1));
  CHECK_FALSE(graph.find("7").has_value());
  CHECK_FALSE(graph.find("busybox:1.36").has_value());
  CHECK(graph.needed_for(3) == std::vector<size_t>{0, 3});
  CHECK(graph.needed_for(2) == std::vector<size_t>{0, 1, 2});
  bool mount = false;
  for (const auto &d : stages[2].dependencies) mount = mount || (d.kind == DependencyKind::MountFrom && d.stage == 1u);
  CHECK(mount);
  CHECK(graph.stage_of(0) == std::nullopt);
  CHECK(graph.stage_of(4) == std::optional<size_t>(1));
}

TEST_CASE("scope: global ARGs reach FROM only, stage ARG redeclaration, ENV, build args") {
  auto doc = Document::parse(
      "ARG VERSION=1\nARG BASE=alpine:${VERSION}\n"
      "FROM ${BASE}\n"
      "RUN echo a\n"
      "ARG VERSION\n"
      "ENV PATH=/opt/bin:$PATH APP=v${VERSION}\n"
      "RUN echo b\n");
  StageGraph graph(*doc);
  CHECK(graph.stages().at(0).base_expanded == "alpine:1");
  const auto &scope = graph.scope();
  CHECK_FALSE(scope.lookup(3, "VERSION").has_value());  // not redeclared yet
  CHECK(scope.lookup(6, "VERSION") == std::optional<std::string>("1"));
  CHECK(scope.lookup(6, "APP") == std::optional<std::string>("v1"));
  CHECK(scope.lookup(6, "PATH") == std::optional<std::string>("/opt/bin:"));
  StageGraph overridden(*doc, {{"VERSION", "2"}});
  CHECK(overridden.stages().at(0).base_expanded == "alpine:2");
  CHECK(overridden.scope().lookup(6, "APP") == std::optional<std::string>("v2"));
}
