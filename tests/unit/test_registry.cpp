// The registry client's pieces that need no server: challenges, base64, URLs, endpoints and
// mirrors, credentials from auth files and helpers, the pull policy.

#include <doctest/doctest.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "executor/pull.h"
#include "registry/auth.h"
#include "registry/client.h"
#include "registry/http.h"

using namespace msm::registry;
namespace fs = std::filesystem;

namespace {

// Points HOME and the credential variables at a scratch directory for one test.
struct ScratchHome {
  fs::path dir;
  ScratchHome() {
    char tmpl[] = "/tmp/msm-registry-test-XXXXXX";
    dir = mkdtemp(tmpl);
    setenv("HOME", dir.c_str(), 1);
    for (const char *v : {"DOCKER_CONFIG", "REGISTRY_AUTH_FILE", "XDG_RUNTIME_DIR", "XDG_CONFIG_HOME"}) unsetenv(v);
  }
  ~ScratchHome() { fs::remove_all(dir); }
  void write(const fs::path &rel, const std::string &text, int mode = 0644) {
    fs::create_directories((dir / rel).parent_path());
    std::ofstream(dir / rel) << text;
    chmod((dir / rel).c_str(), static_cast<mode_t>(mode));
  }
};

}  // namespace

TEST_CASE("registry: WWW-Authenticate challenges") {
  auto c = parse_challenges({R"(Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/alpine:pull")"});
  REQUIRE(c.size() == 1);
  CHECK(c[0].scheme == "bearer");
  CHECK(c[0].params["realm"] == "https://auth.docker.io/token");
  CHECK(c[0].params["service"] == "registry.docker.io");
  CHECK(c[0].params["scope"] == "repository:library/alpine:pull");

  // Quoted values hold commas and spaces; names and schemes are case-insensitive.
  c = parse_challenges({R"(BEARER Realm="https://r/t", scope="repository:a:pull,push repository:b:pull", error="insufficient_scope")"});
  REQUIRE(c.size() == 1);
  CHECK(c[0].params["scope"] == "repository:a:pull,push repository:b:pull");
  CHECK(c[0].params["error"] == "insufficient_scope");

  // Two challenges in one header, and one per header.
  c = parse_challenges({R"(Basic realm="x", Bearer realm="https://r/t",service=s)", R"(Digest realm="d")"});
  REQUIRE(c.size() == 3);
  CHECK(c[0].scheme == "basic");
  CHECK(c[0].params["realm"] == "x");
  CHECK(c[1].scheme == "bearer");
  CHECK(c[1].params["service"] == "s");
  CHECK(c[2].scheme == "digest");

  // An escaped quote inside a value.
  c = parse_challenges({R"(Basic realm="a \"quoted\" realm")"});
  REQUIRE(c.size() == 1);
  CHECK(c[0].params["realm"] == "a \"quoted\" realm");
  CHECK(parse_challenges({""}).empty());
}

TEST_CASE("registry: base64 both ways") {
  CHECK(base64_encode("") == "");
  CHECK(base64_encode("f") == "Zg==");
  CHECK(base64_encode("fo") == "Zm8=");
  CHECK(base64_encode("foo") == "Zm9v");
  CHECK(base64_encode("testuser:testpass") == "dGVzdHVzZXI6dGVzdHBhc3M=");
  CHECK(base64_decode("dGVzdHVzZXI6dGVzdHBhc3M=") == "testuser:testpass");
  CHECK(base64_decode("Zm8") == "fo");  // unpadded
  CHECK_FALSE(base64_decode("not base64!"));
}

TEST_CASE("registry: URLs for messages, redirects and who gets Authorization") {
  CHECK(url_for_messages("https://s3.example/bucket/blob?X-Amz-Signature=secret") == "https://s3.example/bucket/blob");
  CHECK(resolve_url("https://r:5000/v2/a/blobs/uploads/", "/v2/a/blobs/uploads/uuid?_state=x") ==
        "https://r:5000/v2/a/blobs/uploads/uuid?_state=x");
  CHECK(resolve_url("https://r/v2/a/blobs/x", "https://cdn.example/blob") == "https://cdn.example/blob");
  CHECK(resolve_url("https://r/v2/a/blobs/x", "//cdn.example/blob") == "https://cdn.example/blob");
  CHECK(resolve_url("https://r/v2/a/blobs/x?q=1", "y") == "https://r/v2/a/blobs/y");
  CHECK(url_origin("https://R.example:443/v2/") == "https://r.example");
  CHECK(url_origin("https://r.example/v2/") == url_origin("https://r.example:443/x"));
  CHECK(url_origin("https://r.example:5000/v2/") != url_origin("https://r.example/v2/"));
  CHECK(url_origin("http://r.example/") != url_origin("https://r.example/"));
}

TEST_CASE("registry: endpoints, mirrors only for Docker Hub, loopback") {
  RegistryOptions options;
  options.mirrors = {"mirror.example:5000", "https://m2.example/"};
  auto hub = endpoints_for("docker.io", options);
  REQUIRE(hub.size() == 3);
  CHECK(hub[0].host == "mirror.example:5000");
  CHECK(hub[0].mirror);
  CHECK(hub[0].domain == "mirror.example:5000");  // the mirror's own credentials, not Hub's
  CHECK(hub[1].host == "m2.example");
  CHECK(hub[2].host == "registry-1.docker.io");
  CHECK(hub[2].domain == "docker.io");
  CHECK_FALSE(hub[2].mirror);
  auto ghcr = endpoints_for("ghcr.io", options);
  REQUIRE(ghcr.size() == 1);
  CHECK(ghcr[0].host == "ghcr.io");
  options.mirrors = {"mirror.example/path"};
  CHECK_THROWS_AS(endpoints_for("docker.io", options), msm::Error);

  CHECK(is_loopback_host("localhost:5000"));
  CHECK(is_loopback_host("127.0.0.1:5443"));
  CHECK(is_loopback_host("[::1]:5000"));
  CHECK(is_loopback_host("registry.localhost"));
  CHECK_FALSE(is_loopback_host("10.0.0.1:5000"));
  CHECK_FALSE(is_loopback_host("localhost.example.com"));
  CHECK_FALSE(is_loopback_host("[::2]:5000"));
}

TEST_CASE("registry: mirrors and insecure registries from the environment") {
  setenv("MSMIGRATE_REGISTRY_MIRRORS", " a.example:5000, b.example ,", 1);
  setenv("MSMIGRATE_INSECURE_REGISTRIES", "10.0.0.5:5000", 1);
  RegistryOptions options;
  options.add_environment();
  CHECK(options.mirrors == std::vector<std::string>{"a.example:5000", "b.example"});
  CHECK(options.insecure == std::vector<std::string>{"10.0.0.5:5000"});
  // A flag's list wins whole over the environment's.
  RegistryOptions flagged;
  flagged.mirrors = {"flag.example"};
  flagged.add_environment();
  unsetenv("MSMIGRATE_REGISTRY_MIRRORS");
  unsetenv("MSMIGRATE_INSECURE_REGISTRIES");
  CHECK(flagged.mirrors == std::vector<std::string>{"flag.example"});
  CHECK(flagged.insecure == std::vector<std::string>{"10.0.0.5:5000"});
}

TEST_CASE("registry: credentials from Docker's config and podman's auth.json") {
  ScratchHome home;
  CHECK_FALSE(find_credential("ghcr.io", {}));
  home.write(".docker/config.json", R"({"auths":{"https://index.docker.io/v1/":{"auth":"aHViOnNlY3JldA=="},
    "ghcr.io":{"username":"u","password":"p"},"token.example":{"identitytoken":"refresh-me"}}})");
  auto hub = find_credential("docker.io", {});
  REQUIRE(hub);
  CHECK(hub->username == "hub");
  CHECK(hub->password == "secret");
  CHECK(hub->source == (home.dir / ".docker/config.json").string());
  auto ghcr = find_credential("ghcr.io", {});
  REQUIRE(ghcr);
  CHECK(ghcr->username == "u");
  auto token = find_credential("token.example", {});
  REQUIRE(token);
  CHECK(token->identity_token == "refresh-me");
  CHECK_FALSE(find_credential("quay.io", {}));

  // podman's auth.json is read before Docker's config.
  home.write(".config/containers/auth.json", R"({"auths":{"ghcr.io":{"auth":"cG9kOm1hbg=="}}})");
  ghcr = find_credential("ghcr.io", {});
  REQUIRE(ghcr);
  CHECK(ghcr->username == "pod");

  // --authfile (or REGISTRY_AUTH_FILE) alone: nothing else is read.
  home.write("only.json", R"({"auths":{}})");
  CredentialOptions only{(home.dir / "only.json").string()};
  CHECK_FALSE(find_credential("ghcr.io", only));
  CredentialOptions missing{(home.dir / "missing.json").string()};
  CHECK_THROWS_AS(find_credential("ghcr.io", missing), msm::Error);
  home.write("broken.json", "{not json");
  CredentialOptions broken{(home.dir / "broken.json").string()};
  CHECK_THROWS_WITH_AS(find_credential("ghcr.io", broken), doctest::Contains("not a valid JSON"), msm::Error);
}

TEST_CASE("registry: credential helpers, and the secret never in an error") {
  ScratchHome home;
  home.write("bin/docker-credential-unit",
             "#!/bin/sh\nread -r server\ncase \"$server\" in\n"
             "  good.example) echo '{\"ServerURL\":\"good.example\",\"Username\":\"helper-user\",\"Secret\":\"helper-pass\"}' ;;\n"
             "  token.example) echo '{\"ServerURL\":\"token.example\",\"Username\":\"<token>\",\"Secret\":\"id-token\"}' ;;\n"
             "  bad.example) echo 'oops helper-pass leaked'; exit 3 ;;\n"
             "  *) echo 'credentials not found in native keychain'; exit 1 ;;\n"
             "esac\n",
             0755);
  std::string old_path = getenv("PATH") ? getenv("PATH") : "";
  setenv("PATH", ((home.dir / "bin").string() + ":" + old_path).c_str(), 1);
  home.write(".docker/config.json", R"({"credsStore":"unit","auths":{"other.example":{"auth":"b3RoZXI6cGFzcw=="}}})");
  auto good = find_credential("good.example", {});
  REQUIRE(good);
  CHECK(good->username == "helper-user");
  CHECK(good->password == "helper-pass");
  CHECK(good->source == "docker-credential-unit");
  auto token = find_credential("token.example", {});
  REQUIRE(token);
  CHECK(token->username.empty());
  CHECK(token->identity_token == "id-token");
  // "Not found" from the helper falls back to the file's own entry.
  auto other = find_credential("other.example", {});
  REQUIRE(other);
  CHECK(other->username == "other");
  CHECK_FALSE(find_credential("none.example", {}));
  try {
    (void)find_credential("bad.example", {});
    FAIL("a failing helper must be an error");
  } catch (const msm::Error &e) {
    CHECK(std::string(e.what()).find("docker-credential-unit failed") != std::string::npos);
    CHECK(std::string(e.what()).find("helper-pass") == std::string::npos);
  }
  // credHelpers names a helper for one host only.
  home.write(".docker/config.json", R"({"credHelpers":{"good.example":"unit"}})");
  CHECK(find_credential("good.example", {}));
  CHECK_FALSE(find_credential("none.example", {}));
  home.write(".docker/config.json", R"({"credsStore":"does-not-exist"})");
  CHECK_THROWS_WITH_AS(find_credential("x.example", {}), doctest::Contains("docker-credential-does-not-exist"), msm::Error);
  setenv("PATH", old_path.c_str(), 1);
}

TEST_CASE("registry: login stores in auths (0600) and logout removes it") {
  ScratchHome home;
  Credential c;
  c.username = "me";
  c.password = "pw";
  std::string where = store_credential("127.0.0.1:5000", c, {});
  CHECK(where == (home.dir / ".docker/config.json").string());
  struct stat st {};
  REQUIRE(stat(where.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  auto back = find_credential("127.0.0.1:5000", {});
  REQUIRE(back);
  CHECK(back->username == "me");
  CHECK(back->password == "pw");
  store_credential("docker.io", c, {});
  CHECK(find_credential("docker.io", {}));
  CHECK(erase_credential("127.0.0.1:5000", {}) == where);
  CHECK_FALSE(find_credential("127.0.0.1:5000", {}));
  CHECK(find_credential("docker.io", {}));  // others stay
  CHECK(erase_credential("127.0.0.1:5000", {}).empty());
  CHECK(credential_key("docker.io") == "https://index.docker.io/v1/");
  CHECK(credential_key("ghcr.io") == "ghcr.io");
}

TEST_CASE("registry: --pull policies") {
  using msm::executor::PullPolicy;
  CHECK(msm::executor::parse_pull_policy("missing") == PullPolicy::Missing);
  CHECK(msm::executor::parse_pull_policy("always") == PullPolicy::Always);
  CHECK(msm::executor::parse_pull_policy("never") == PullPolicy::Never);
  CHECK_FALSE(msm::executor::parse_pull_policy("sometimes"));
}
