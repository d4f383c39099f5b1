// Image references: the cases of distribution/reference's normalize and reference tests
// (ParseNormalizedNamed, splitDockerDomain, the grammar's limits), with our own expected forms.

#include <doctest/doctest.h>

#include "analysis/image_ref.h"
#include "executor/store.h"
#include "util/error.h"

using msm::analysis::parse_image_ref;
using msm::analysis::try_parse_reference;

namespace {

struct Valid {
  const char *input;
  const char *canonical;  // Reference::str()
  const char *familiar;   // Reference::familiar()
  const char *domain;
  const char *path;
};

const Valid k_valid[] = {
    {"alpine", "docker.io/library/alpine:latest", "alpine:latest", "docker.io", "library/alpine"},
    {"alpine:3.19", "docker.io/library/alpine:3.19", "alpine:3.19", "docker.io", "library/alpine"},
    {"user/app:1", "docker.io/user/app:1", "user/app:1", "docker.io", "user/app"},
    {"docker.io/alpine", "docker.io/library/alpine:latest", "alpine:latest", "docker.io", "library/alpine"},
    {"docker.io/library/alpine", "docker.io/library/alpine:latest", "alpine:latest", "docker.io", "library/alpine"},
    {"index.docker.io/library/alpine", "docker.io/library/alpine:latest", "alpine:latest", "docker.io", "library/alpine"},
    {"index.docker.io/alpine:1", "docker.io/library/alpine:1", "alpine:1", "docker.io", "library/alpine"},
    {"docker.io/library/a/b", "docker.io/library/a/b:latest", "library/a/b:latest", "docker.io", "library/a/b"},
    {"myhost/app", "docker.io/myhost/app:latest", "myhost/app:latest", "docker.io", "myhost/app"},
    {"localhost/app", "localhost/app:latest", "localhost/app:latest", "localhost", "app"},
    {"localhost:5000/a/b:1", "localhost:5000/a/b:1", "localhost:5000/a/b:1", "localhost:5000", "a/b"},
    {"127.0.0.1:5443/msm/hello:1.0", "127.0.0.1:5443/msm/hello:1.0", "127.0.0.1:5443/msm/hello:1.0", "127.0.0.1:5443", "msm/hello"},
    {"[::1]:5000/x", "[::1]:5000/x:latest", "[::1]:5000/x:latest", "[::1]:5000", "x"},
    {"[2001:db8::1]/x:y", "[2001:db8::1]/x:y", "[2001:db8::1]/x:y", "[2001:db8::1]", "x"},
    {"ghcr.io/o/r:v1", "ghcr.io/o/r:v1", "ghcr.io/o/r:v1", "ghcr.io", "o/r"},
    {"Docker.IO/x", "Docker.IO/x:latest", "Docker.IO/x:latest", "Docker.IO", "x"},  // upper case makes it a host
    {"foo.bar/a__b/c.d/e--f_g", "foo.bar/a__b/c.d/e--f_g:latest", "foo.bar/a__b/c.d/e--f_g:latest", "foo.bar", "a__b/c.d/e--f_g"},
    {"sub-dom1.foo.com/bar/baz/quux:some-long-tag", "sub-dom1.foo.com/bar/baz/quux:some-long-tag",
     "sub-dom1.foo.com/bar/baz/quux:some-long-tag", "sub-dom1.foo.com", "bar/baz/quux"},
    {"localhost:5000", "docker.io/library/localhost:5000", "localhost:5000", "docker.io", "library/localhost"},  // a tag
    {"a:_tag", "docker.io/library/a:_tag", "a:_tag", "docker.io", "library/a"},
    {"a:A.b-C_9", "docker.io/library/a:A.b-C_9", "a:A.b-C_9", "docker.io", "library/a"},
};

const char *const k_digest = "sha256:ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff";

struct Invalid {
  const char *input;
  const char *why;  // a substring of the message
};

const Invalid k_invalid[] = {
    {"", "at least one component"},
    {"Uppercase:tag", "lowercase"},
    {"docker.io/UPPER/x", "lowercase"},
    {"ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", "image ID"},
    {"a/", "empty component"},
    {"a//b", "empty component"},
    {"/a", "empty component"},
    {"-a", "component"},
    {"a-", "component"},
    {"a.", "component"},
    {"a..b", "component"},
    {"a___b", "component"},
    {"a+b", "component"},
    {"a:", "invalid tag"},
    {"a:-x", "invalid tag"},
    {"a:a/b", "invalid registry"},  // a colon before the slash makes a host, whose port must be digits
    {"a@sha256:abc", "digest length"},
    {"a@sha256:FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF", "digest format"},
    {"a@md5:0123", "unsupported digest algorithm"},
    {"a@", "digest format"},
    {"-host.com/a", "invalid registry"},
    {"host-.com/a", "invalid registry"},
    {"host.com:/a", "invalid registry"},
    {"host.com:80a/a", "invalid registry"},
    {"[::1/a", "invalid registry"},
};

}  // namespace

TEST_CASE("references: valid names normalise as Docker does") {
  for (const auto &c : k_valid) {
    CAPTURE(c.input);
    auto ref = try_parse_reference(c.input);
    REQUIRE(ref);
    CHECK(ref->str() == c.canonical);
    CHECK(ref->familiar() == c.familiar);
    CHECK(ref->domain == c.domain);
    CHECK(ref->path == c.path);
  }
}

TEST_CASE("references: digests, and a tag beside a digest") {
  auto by_digest = try_parse_reference(std::string("alpine@") + k_digest);
  REQUIRE(by_digest);
  CHECK(by_digest->tag.empty());
  CHECK(by_digest->digest == k_digest);
  CHECK(by_digest->tag_or_digest() == k_digest);
  CHECK(by_digest->familiar() == std::string("alpine@") + k_digest);
  auto both = try_parse_reference(std::string("ghcr.io/o/r:v1@") + k_digest);
  REQUIRE(both);
  CHECK(both->tag == "v1");
  CHECK(both->tag_or_digest() == k_digest);  // the digest decides what is fetched
  CHECK(both->str() == std::string("ghcr.io/o/r:v1@") + k_digest);
  auto tagged = try_parse_reference("alpine:3");
  REQUIRE(tagged);
  CHECK(tagged->tag_or_digest() == "3");
}

TEST_CASE("references: invalid names are refused with the reason") {
  for (const auto &c : k_invalid) {
    CAPTURE(c.input);
    std::string why;
    CHECK_FALSE(try_parse_reference(c.input, &why));
    CHECK(why.find(c.why) != std::string::npos);
  }
  CHECK_THROWS_WITH_AS(msm::analysis::parse_reference("a:"), "invalid image reference 'a:': invalid tag ''", msm::Error);
}

TEST_CASE("references: limits of the grammar") {
  std::string tag128(128, 't');
  CHECK(try_parse_reference("a:" + tag128));
  CHECK_FALSE(try_parse_reference("a:" + tag128 + "t"));
  std::string long_path = "localhost/" + std::string(245, 'a');  // 255 with the domain
  CHECK(try_parse_reference(long_path));
  CHECK_FALSE(try_parse_reference(long_path + "a"));
}

TEST_CASE("references: the lenient split lint uses agrees on hosts and keeps what was written") {
  auto hub = parse_image_ref("golang:1.16");
  CHECK_FALSE(hub.registry);
  CHECK(hub.repository == "golang");
  CHECK(hub.tag == "1.16");
  auto port = parse_image_ref("localhost:5000/app");
  CHECK(port.registry == "localhost:5000");
  CHECK_FALSE(port.tag);
  auto with_var = parse_image_ref("${BASE}:1");  // never refused
  CHECK(with_var.repository == "${BASE}");
  CHECK(parse_image_ref("myhost/app").registry_or_default() == "docker.io");
  auto both = parse_image_ref(std::string("a.io/b:c@") + k_digest);
  CHECK(both.registry == "a.io");
  CHECK(both.tag == "c");
  CHECK(both.digest == k_digest);
}

TEST_CASE("references: the store's keys are familiar names") {
  using msm::executor::normalize_reference;
  CHECK(normalize_reference("docker.io/library/golang:1.16") == "golang:1.16");
  CHECK(normalize_reference("index.docker.io/user/app") == "user/app:latest");
  CHECK(normalize_reference("127.0.0.1:5443/msm/hello") == "127.0.0.1:5443/msm/hello:latest");
  CHECK_THROWS_AS(normalize_reference("Bad:Name"), msm::Error);
  auto [repo, tag] = msm::executor::split_reference("docker.io/library/alpine");
  CHECK(repo == "alpine");
  CHECK(tag == "latest");
}
