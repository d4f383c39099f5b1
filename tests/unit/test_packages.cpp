// The package-manager table: which commands are package managers, their sub-commands, options,
// operands and version pins.

#include <doctest/doctest.h>

#include <string>

#include "analysis/packages.h"

using namespace msm::analysis;
using namespace msm::analysis::packages;

namespace {

struct Read {
  std::unique_ptr<shell::Script> script;
  std::optional<Invocation> inv;
  std::vector<std::string> operands;
};

Read read(const std::string &text) {
  Read r;
  r.script = shell::Script::parse(text);
  REQUIRE(!r.script->commands().empty());
  r.inv = read_invocation(r.script->commands()[0]);
  if (r.inv) {
    for (size_t i : r.inv->operands) r.operands.push_back(word_text(r.inv->word(i)).text);
  }
  return r;
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("packages: managers are recognised by program name, through wrappers and python -m pip") {
  CHECK(read("apt-get install -y curl").inv->manager->manager == Manager::AptGet);
  CHECK(read("/usr/bin/apt-get install curl").inv->manager->manager == Manager::AptGet);
  CHECK(read("apt install curl").inv->manager->manager == Manager::Apt);
  CHECK(read("sudo -E apt-get install curl").inv->manager->manager == Manager::AptGet);
  CHECK(read("env DEBIAN_FRONTEND=noninteractive nice -n 10 apt-get install curl").inv->manager->manager == Manager::AptGet);
  CHECK(read("xargs -r apt-get install -y < list").inv->manager->manager == Manager::AptGet);
  CHECK(read("timeout 60 pip3 install x").inv->manager->manager == Manager::Pip);
  CHECK(read("pip3.11 install x").inv->manager->manager == Manager::Pip);
  auto py = read("python3 -m pip install --no-cache-dir flask");
  REQUIRE(py.inv);
  CHECK(py.inv->manager->manager == Manager::Pip);
  CHECK(py.inv->program == 2);
  CHECK(py.inv->action == "install");
  CHECK(py.operands == Strings{"flask"});
  CHECK_FALSE(read("python3 -m venv /venv").inv);
  CHECK_FALSE(read("python3 setup.py install").inv);
  CHECK(read("dnf5 install x").inv->manager->manager == Manager::Dnf);
  CHECK(read("microdnf install x").inv->manager->manager == Manager::Microdnf);
  CHECK_FALSE(read("apt-cache policy curl").inv);
  CHECK_FALSE(read("echo apt-get install").inv);
  // pipx installs with pip's requirement syntax (hadolint's DL3013 counts it).
  CHECK(read("pipx install black").inv->manager->manager == Manager::Pip);
  CHECK_FALSE(read("pipenv install black").inv);
}

TEST_CASE("packages: options and their values are not operands") {
  auto apt = read("apt-get -q -o Dpkg::Options::=--force-confold install -y -t bookworm-backports --no-install-recommends curl=7.* git");
  REQUIRE(apt.inv);
  CHECK(apt.inv->action == "install");
  CHECK(apt.inv->installs());
  CHECK(apt.operands == Strings{"curl=7.*", "git"});
  CHECK(apt.inv->has("-y"));
  CHECK(apt.inv->has("--no-install-recommends"));
  CHECK(apt.inv->find("-t")->value == "bookworm-backports");
  CHECK(apt.inv->find("-o")->value == "Dpkg::Options::=--force-confold");

  auto apk = read("apk add --no-cache --virtual .build-deps gcc musl-dev");
  CHECK(apk.inv->installs());
  CHECK(apk.operands == Strings{"gcc", "musl-dev"});
  CHECK(apk.inv->has_any(info(Manager::Apk).no_cache));

  auto pip = read("pip install -r requirements.txt -c constraints.txt --index-url https://x/simple -e ./src flask");
  CHECK(pip.operands == Strings{"flask"});

  auto gem = read("gem install bundler -v 2.5.10 --no-document");
  CHECK(gem.operands == Strings{"bundler"});
  CHECK(gem.inv->has_any(info(Manager::Gem).version_options));

  auto go = read("go install -ldflags '-s -w' -tags netgo golang.org/x/tools/gopls@v0.15.3");
  CHECK(go.operands == Strings{"golang.org/x/tools/gopls@v0.15.3"});
  // go's single-dash long options are not clusters: `-tags` does not contain `-a`.
  CHECK_FALSE(go.inv->has("-a"));

  auto end = read("npm install -- -weird-name");
  CHECK(end.operands == Strings{"-weird-name"});
}

TEST_CASE("packages: yes options, clusters and exact spellings") {
  const auto &yes = info(Manager::AptGet).yes;
  CHECK(read("apt-get install -y x").inv->has_any(yes));
  CHECK(read("apt-get -qy install x").inv->has_any(yes));
  CHECK(read("apt-get -yq install x").inv->has_any(yes));
  CHECK(read("apt-get --assume-yes install x").inv->has_any(yes));
  CHECK(read("apt-get -qq install x").inv->has_any(yes));
  CHECK(read("apt-get -q=2 install x").inv->has_any(yes));
  CHECK(read("apt-get --quiet=2 install x").inv->has_any(yes));
  CHECK_FALSE(read("apt-get -q install x").inv->has_any(yes));
  CHECK_FALSE(read("apt-get --quiet=1 install x").inv->has_any(yes));
  CHECK(read("zypper --non-interactive install x").inv->has_any(info(Manager::Zypper).yes));
  CHECK(read("zypper in --no-confirm x").inv->has_any(info(Manager::Zypper).yes));
  CHECK(read("yum -y install x").inv->has_any(info(Manager::Yum).yes));
  CHECK(read("dnf install --setopt=install_weak_deps=False x").inv->has_any(info(Manager::Dnf).no_recommends));
  CHECK(read("dnf install --setopt install_weak_deps=False x").inv->has_any(info(Manager::Dnf).no_recommends));
}

TEST_CASE("packages: two-word sub-commands") {
  CHECK(read("dnf group install -y 'Development Tools'").inv->action == "group install");
  CHECK(read("dnf module install -y nodejs:20").inv->action == "module install");
  CHECK(read("yum groupinstall -y x").inv->installs());
  auto yarn = read("yarn global add typescript");
  CHECK(yarn.inv->action == "global add");
  CHECK(yarn.inv->installs());
  CHECK(yarn.operands == Strings{"typescript"});
  CHECK(read("yarn --frozen-lockfile").inv->action == "install");
  CHECK_FALSE(read("yarn build").inv->installs());
  CHECK(read("npm ci").inv->action == "ci");
  CHECK_FALSE(read("npm ci").inv->installs());
  CHECK(read("npm i -g x").inv->installs());
}

TEST_CASE("packages: registry packages versus files, directories, URLs and VCS references") {
  const auto &apt = info(Manager::AptGet);
  CHECK(is_registry_package(apt, "curl"));
  CHECK_FALSE(is_registry_package(apt, "./local.deb"));
  CHECK_FALSE(is_registry_package(apt, "/tmp/x.deb"));
  CHECK_FALSE(is_registry_package(apt, "x.deb"));
  const auto &pip = info(Manager::Pip);
  CHECK(is_registry_package(pip, "flask"));
  CHECK(is_registry_package(pip, "uvicorn[standard]"));
  for (const char *op : {".", "./src", "/wheels/x.whl", "dist/app-1.0.tar.gz", "app.whl",
                         "git+https://github.com/a/b.git", "https://x/y.zip", "file:///x"}) {
    CAPTURE(op);
    CHECK_FALSE(is_registry_package(pip, op));
  }
  const auto &npm = info(Manager::Npm);
  CHECK(is_registry_package(npm, "@types/node"));
  CHECK_FALSE(is_registry_package(npm, "expressjs/express"));
  CHECK_FALSE(is_registry_package(npm, "github:user/repo"));
  CHECK_FALSE(is_registry_package(npm, "../x.tgz"));
  const auto &dnf = info(Manager::Dnf);
  CHECK_FALSE(is_registry_package(dnf, "@development"));
  CHECK_FALSE(is_registry_package(dnf, "/usr/bin/python3"));
  CHECK_FALSE(is_registry_package(dnf, "x.rpm"));
  CHECK(is_registry_package(info(Manager::Go), "golang.org/x/tools/gopls"));
  CHECK_FALSE(is_registry_package(info(Manager::Go), "./..."));
  CHECK_FALSE(is_registry_package(info(Manager::Go), "std"));
  CHECK_FALSE(is_registry_package(info(Manager::Go), "cmd/go"));
  CHECK_FALSE(is_registry_package(info(Manager::Go), "tool"));
  CHECK_FALSE(is_registry_package(info(Manager::Gem), "pkg/x-1.0.gem"));
}

TEST_CASE("packages: version pins per manager") {
  CHECK(is_pinned(info(Manager::AptGet), "curl=7.88.1-10"));
  CHECK(is_pinned(info(Manager::AptGet), "curl=7.*"));
  CHECK_FALSE(is_pinned(info(Manager::AptGet), "curl"));
  CHECK_FALSE(is_pinned(info(Manager::AptGet), "curl/bookworm-backports"));

  for (const char *p : {"curl=8.5.0-r0", "curl~8.5", "curl>8", "curl<9"}) CHECK(is_pinned(info(Manager::Apk), p));
  CHECK_FALSE(is_pinned(info(Manager::Apk), "curl"));

  const auto &yum = info(Manager::Yum);
  for (const char *p : {"httpd-2.4.6", "nginx-1.20.1-10.el7", "gcc-4.8*", "python3-3.12.3-2.fc40"}) {
    CAPTURE(p);
    CHECK(is_pinned(yum, p));
  }
  for (const char *p : {"httpd", "java-11-openjdk", "java-11-openjdk-devel", "python3-devel", "gcc-c++"}) {
    CAPTURE(p);
    CHECK_FALSE(is_pinned(yum, p));
  }
  CHECK(is_pinned(info(Manager::Zypper), "curl=8.0.1"));
  CHECK(is_pinned(info(Manager::Zypper), "git>=2.35"));
  CHECK_FALSE(is_pinned(info(Manager::Zypper), "curl"));

  const auto &pip = info(Manager::Pip);
  for (const char *p : {"flask==3.0.3", "requests>=2,<3", "django~=5.0", "x!=1", "pkg @ https://x", "a<2"}) {
    CAPTURE(p);
    CHECK(is_pinned(pip, p));
  }
  CHECK_FALSE(is_pinned(pip, "flask"));
  CHECK_FALSE(is_pinned(pip, "uvicorn[standard]"));

  const auto &npm = info(Manager::Npm);
  CHECK(is_pinned(npm, "express@4.19.2"));
  CHECK(is_pinned(npm, "@angular/cli@17"));
  CHECK(is_pinned(npm, "npm@latest"));
  CHECK_FALSE(is_pinned(npm, "@types/node"));
  CHECK_FALSE(is_pinned(npm, "express"));

  CHECK(is_pinned(info(Manager::Go), "golang.org/x/tools/gopls@v0.15.3"));
  CHECK_FALSE(is_pinned(info(Manager::Go), "golang.org/x/tools/gopls"));
  CHECK(is_pinned(info(Manager::Gem), "bundler:2.5.10"));
  CHECK_FALSE(is_pinned(info(Manager::Gem), "bundler"));
  CHECK(is_pinned(info(Manager::Cargo), "ripgrep@14.1.0"));
}

TEST_CASE("packages: word text removes quotes and marks expansions") {
  auto r = read("apt-get install \"curl\" 'git' cu\\rl $PKGS \"x=${V}\" $(cat list)");
  REQUIRE(r.inv);
  const auto &w = r.inv->command->words;
  CHECK(word_text(w[2]).text == "curl");
  CHECK_FALSE(word_text(w[2]).dynamic);
  CHECK(word_text(w[3]).text == "git");
  CHECK(word_text(w[4]).text == "curl");
  CHECK(word_text(w[5]).dynamic);
  CHECK(word_text(w[6]).dynamic);
  CHECK(word_text(w[6]).text == "x=${V}");
  CHECK(word_text(w[7]).dynamic);
}

TEST_CASE("packages: every manager has a table row with install sub-commands") {
  for (Manager m : {Manager::AptGet, Manager::Apt, Manager::Apk, Manager::Yum, Manager::Dnf, Manager::Microdnf,
                    Manager::Zypper, Manager::Pip, Manager::Npm, Manager::Yarn, Manager::Gem, Manager::Go,
                    Manager::Cargo}) {
    const ManagerInfo &i = info(m);
    CHECK(i.manager == m);
    CHECK_FALSE(i.install.empty());
    CHECK_FALSE(i.name.empty());
  }
  CHECK(all_managers().size() == 13);
}
