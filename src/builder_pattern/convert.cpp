#include "builder_pattern/convert.h"

#include <algorithm>
#include <filesystem>
#include <fnmatch.h>
#include <map>
#include <set>
#include <sstream>

#include "analysis/image_ref.h"
#include "analysis/stage_names.h"
#include "analysis/stages.h"
#include "syntax/document.h"
#include "util/error.h"
#include "util/files.h"

namespace msm::builder_pattern {

namespace fs = std::filesystem;

namespace {

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool ends_with(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

std::string lower(std::string s) {
  for (char &c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string base_name(const std::string &p) {
  std::string s = p;
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  size_t slash = s.rfind('/');
  return slash == std::string::npos ? s : s.substr(slash + 1);
}

// `p` relative to `dir` (both root-relative, normalized), or nullopt when p is not inside dir.
std::optional<std::string> relative_to(const std::string &p, const std::string &dir) {
  if (dir == "." || dir.empty()) return p;
  if (p == dir) return std::string(".");
  if (starts_with(p, dir + "/")) return p.substr(dir.size() + 1);
  return std::nullopt;
}

// Image references compare as Docker resolves them (`app` is `docker.io/library/app:latest`);
// a reference that is not valid as written (it still holds a driver variable) compares as text.
std::string canonical_image(const std::string &image) {
  auto ref = analysis::try_parse_reference(image);
  return ref ? ref->str() : image;
}

// The last component of an image's repository (`registry:5000/team/tool:1` -> `tool`).
std::string image_base_name(const std::string &image) {
  std::string repository = analysis::parse_image_ref(image).repository;
  size_t slash = repository.rfind('/');
  return slash == std::string::npos ? repository : repository.substr(slash + 1);
}

bool is_glob(std::string_view s) { return s.find_first_of("*?[") != std::string_view::npos; }

bool is_tarball(std::string_view name) {
  for (std::string_view ext : {".tar", ".tar.gz", ".tgz", ".tar.xz", ".txz", ".tar.bz2", ".tbz2", ".tar.zst"}) {
    if (ends_with(name, ext)) return true;
  }
  return false;
}

std::string json_quote(const std::string &s) { return nlohmann::json(s).dump(); }

// A value as it can be written after `ARG NAME=` (BuildKit's word rules).
std::string arg_value(const std::string &v) {
  if (!v.empty() && v.find_first_of(" \t\"'$\\`#") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"' || c == '\\' || c == '$') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string shell_quote_raw(const std::string &raw) {
  // Raw driver text is already shell syntax; keep it.
  return raw;
}

const char *via_name(Extraction::Via v) {
  switch (v) {
    case Extraction::Via::Cp: return "docker cp";
    case Extraction::Via::Cat: return "cat";
    case Extraction::Via::Tar: return "tar";
    case Extraction::Via::BindMount: return "bind mount";
  }
  return "";
}

SourceRef file_ref(const std::string &file, const syntax::Document &doc, const syntax::Instruction &ins) {
  return SourceRef{file, ins.start_line, std::string(doc.text(ins.line_range))};
}

// `docker cp` writes files owned by whoever runs it (root in a build script), and a COPY from the
// context gives 0:0; `COPY --from` keeps the owner the file had in the builder. Where the builder
// may leave files owned by another user, the converted COPY says --chown=0:0 to stay the same.
bool builder_may_leave_non_root_files(const syntax::Document *doc) {
  if (!doc) return false;  // a stock image: its default user is unknown here; root is the norm
  for (const auto &ins : doc->instructions()) {
    if (ins.is(syntax::InstructionKind::User) && !ins.args.empty()) {
      std::string user = lower(std::string(ins.args[0].value));
      if (user != "root" && user != "0" && user != "root:root" && user != "0:0") return true;
    }
    if (ins.is(syntax::InstructionKind::Run) && ins.original.find("chown") != std::string::npos) return true;
    if ((ins.is(syntax::InstructionKind::Copy) || ins.is(syntax::InstructionKind::Add)))
      for (const auto &f : ins.flags) if (f.name == "chown") return true;
  }
  return false;
}

struct Builder {
  std::optional<size_t> build;       // index into model.builds; none for a stock image
  std::string image;                 // canonical
  std::string display_image;
  std::string dockerfile;
  std::string text;                  // the builder Dockerfile's text ("" for stock images)
  std::unique_ptr<syntax::Document> doc;
  std::string stage;
  std::vector<std::string> appended;  // lines added at the end of its stage
  std::vector<edit::TextEdit> edits;  // edits of the builder text
  std::vector<std::string> stage_names;  // names its own stages already use
};

class Converter {
 public:
  explicit Converter(const ConvertOptions &options) : m_options(options), m_root(options.root) {}

  Conversion run() {
    read_driver_model();
    m_conv.warnings = m_model.warnings;
    m_conv.refusals = m_model.refusals;
    if ((m_model.builds.empty() && m_model.runs.empty()) || m_model.extractions.empty()) {
      if (!m_conv.refusals.empty()) {
        // The driver tried something msmigrate refuses before any artifact left a container.
        m_conv.found = true;
        collect_steps();
        m_conv.driver_model = m_model;
        return std::move(m_conv);
      }
    }
    if (m_model.builds.empty() && m_model.runs.empty()) {
      throw NothingToConvert(m_conv.driver + ": no `docker build` or `docker run` in it, so there is no builder pattern to convert");
    }
    if (m_model.extractions.empty()) {
      throw NothingToConvert(m_conv.driver + ": nothing is copied out of a container (no docker cp, cat or bind-mount build), so there is no builder pattern to convert");
    }
    m_conv.found = true;
    classify_builds();
    if (!m_missing) load_builders();
    if (m_missing) {
      collect_steps();
      m_conv.driver_model = m_model;
      return std::move(m_conv);
    }
    check_host_steps();
    if (m_runtime) {
      map_runtime();
    } else {
      export_stage();
    }
    if (m_conv.refusals.empty()) assemble();
    collect_steps();
    restore_ci_expressions();
    m_conv.driver_model = m_model;
    return std::move(m_conv);
  }

 private:
  // --- files ---------------------------------------------------------------------------------
  std::string full(const std::string &rel) const { return (m_root / rel).string(); }
  bool exists(const std::string &rel) const {
    std::error_code ec;
    return fs::exists(m_root / rel, ec);
  }
  bool is_dir(const std::string &rel) const {
    std::error_code ec;
    return fs::is_directory(m_root / rel, ec);
  }
  std::string read(const std::string &rel) const { return util::read_input(full(rel)); }

  void read_driver_model() {
    Driver driver = discover_driver(DiscoverOptions{m_options.root, m_options.script, m_options.make_target, m_options.script_args});
    m_conv.driver = driver.file;
    m_conv.driver_kind = driver.kind;
    m_conv.make_target = driver.make_target;
    m_ci_expressions = std::move(driver.ci_expressions);
    if (driver.kind == "script") m_driver_text = std::move(driver.text);
    m_model = std::move(driver.model);
  }

  // The driver builds a Dockerfile this checkout does not have (made by a step msmigrate does not
  // follow, or the driver is out of date): nothing to merge, and the line says why.
  void missing_dockerfile(const BuildStep &b, const char *role) {
    // A file that is there but cannot be opened (a symlink loop, no permission) is an input error.
    std::error_code ec;
    (void)fs::symlink_status(m_root / b.dockerfile, ec);
    if (!ec) {
      (void)fs::status(m_root / b.dockerfile, ec);
      if (ec) throw Error(full(b.dockerfile) + ": " + ec.message() + " (the " + role + " Dockerfile built at " + b.where.file + ":" + std::to_string(b.where.line) + ")");
    }
    m_conv.refusals.push_back(Finding{"unresolvable-mapping", std::string("the ") + role + " Dockerfile `" + b.dockerfile + "` this line builds is not in the checkout", b.where});
    m_missing = true;
  }

  // --- which build is which ------------------------------------------------------------------
  void classify_builds() {
    // A tag names the image its latest build before the container started: a later build that
    // reuses the tag (`-t app` for the builder, then again for the runtime) is not the builder.
    std::set<size_t> builders;
    for (const auto &e : m_model.extractions) {
      if (auto i = build_tagged(canonical_image(e.image), e.seq)) builders.insert(*i);
    }
    for (size_t i = 0; i < m_model.builds.size(); ++i) {
      const BuildStep &b = m_model.builds[i];
      if (builders.count(i) || (m_options.build_dockerfile && normalize_path(*m_options.build_dockerfile) == b.dockerfile)) m_builder_builds.push_back(i);
    }
    // Runtime candidates: later builds whose context holds something extracted.
    size_t first_extraction = SIZE_MAX;
    for (const auto &e : m_model.extractions) first_extraction = std::min(first_extraction, e.seq);
    std::vector<size_t> candidates;
    for (size_t i = 0; i < m_model.builds.size(); ++i) {
      if (std::find(m_builder_builds.begin(), m_builder_builds.end(), i) != m_builder_builds.end()) continue;
      const BuildStep &b = m_model.builds[i];
      if (m_options.runtime_dockerfile) {
        if (normalize_path(*m_options.runtime_dockerfile) == b.dockerfile) candidates.push_back(i);
        continue;
      }
      if (b.seq < first_extraction) continue;
      bool holds = false;
      for (const auto &e : m_model.extractions) holds = holds || relative_to(e.host_path, b.context).has_value();
      if (holds) candidates.push_back(i);
    }
    std::set<std::string> files;
    for (size_t i : candidates) files.insert(m_model.builds[i].dockerfile);
    m_candidates.insert(candidates.begin(), candidates.end());
    if (files.size() > 1) {
      std::string list;
      for (const auto &f : files) list += (list.empty() ? "" : ", ") + f;
      m_conv.refusals.push_back(Finding{"several-runtimes",
                                        "the driver builds several runtime images (" + list +
                                            "); convert one at a time with --runtime-dockerfile FILE",
                                        m_model.builds[candidates.back()].where});
    }
    if (!candidates.empty()) {
      m_runtime = candidates.back();
      const BuildStep &r = m_model.builds[*m_runtime];
      m_conv.runtime_dockerfile = r.dockerfile;
      m_conv.runtime_tags = r.raw_tags;
      m_conv.runtime_context = r.context;
      for (size_t i : candidates) {
        if (i != *m_runtime && m_model.builds[i].dockerfile == r.dockerfile) m_extra_runtime_builds.push_back(i);
      }
      for (size_t i : m_builder_builds) {
        for (const auto &t : m_model.builds[i].tags) {
          if (std::find(r.tags.begin(), r.tags.end(), t) == r.tags.end()) continue;
          m_conv.warnings.push_back(Finding{"shared-tag", "the runtime image is tagged `" + t + "` like the builder image built at " + m_model.builds[i].where.file + ":" + std::to_string(m_model.builds[i].where.line) + "; the tag kept naming the runtime image, and the builder is now a stage with no tag", r.where});
        }
      }
      if (!exists(r.dockerfile)) missing_dockerfile(r, "runtime");
    } else if (m_options.runtime_dockerfile) {
      throw Error(full(*m_options.runtime_dockerfile) + ": the driver never builds this Dockerfile after extracting artifacts");
    } else {
      adopt_runtime();
    }
  }

  // The driver builds no runtime image, yet one Dockerfile of the project COPYs what the driver
  // extracts (that image is built by hand, by a deploy tool or by another CI step): it is the
  // runtime, built from its own folder, and a warning says this was inferred. Several such
  // files, or none, leave the artifacts to an export stage.
  void adopt_runtime() {
    // A bind-mounted folder the checkout lacks is filled by something the driver does not show
    // (a fetch script, an earlier build): which of its files are sources and which are outputs
    // is unknown, so no runtime is inferred from what it holds.
    for (const auto &run : m_model.runs) {
      for (const auto &m : run.mounts) {
        if (m.kind == Mount::Kind::Source && !exists(m.host)) return;
      }
    }
    std::set<std::string> built;
    for (const auto &b : m_model.builds) built.insert(b.dockerfile);
    std::vector<std::string> found;
    std::string copied;
    for (const auto &file : project_dockerfiles(m_options.root)) {
      if (built.count(file)) continue;
      std::string dir = fs::path(file).parent_path().generic_string();
      if (dir.empty()) dir = ".";
      auto doc = syntax::Document::parse(read(file), file);
      std::string first;
      for (const auto &ins : doc->instructions()) {
        if ((!ins.is(syntax::InstructionKind::Copy) && !ins.is(syntax::InstructionKind::Add)) || ins.flag("from")) continue;
        for (size_t a = 0; a + 1 < ins.args.size(); ++a) {
          const std::string &v = ins.args[a].value;
          if (v.empty() || v.find_first_of("$*?[") != std::string::npos || v.find("://") != std::string::npos) continue;
          auto m = match(join_path(dir, normalize_path(v[0] == '/' ? v.substr(1) : v)));
          if (m && first.empty()) first = v;
        }
      }
      if (first.empty()) continue;
      found.push_back(file);
      copied = first;
    }
    if (found.size() != 1) return;
    BuildStep step;
    step.dockerfile = found[0];
    step.context = fs::path(found[0]).parent_path().generic_string();
    if (step.context.empty()) step.context = ".";
    step.where = SourceRef{found[0], 1, ""};
    size_t last = 0;
    for (const auto &e : m_model.extractions) last = std::max(last, e.seq);
    for (const auto &h : m_model.host_steps) last = std::max(last, h.seq);
    for (const auto &b : m_model.builds) last = std::max(last, b.seq);
    step.seq = last + 1;
    m_model.builds.push_back(step);
    m_runtime = m_model.builds.size() - 1;
    m_adopted_runtime = true;
    m_conv.runtime_dockerfile = step.dockerfile;
    m_conv.runtime_context = step.context;
    m_conv.warnings.push_back(Finding{"runtime-not-built", m_conv.driver + " never builds " + step.dockerfile + "; it is taken as the runtime Dockerfile because it copies `" + copied + "`, which the driver produces, and it is built from its own folder `" + step.context + "`", step.where});
  }

  // The build whose tag `image` names at driver step `seq`: the last one before it, or (an image
  // used before the driver builds it) the first one after.
  std::optional<size_t> build_tagged(const std::string &image, size_t seq) const {
    std::optional<size_t> before, after;
    for (size_t i = 0; i < m_model.builds.size(); ++i) {
      for (const auto &t : m_model.builds[i].tags) {
        if (canonical_image(t) != image) continue;
        if (m_model.builds[i].seq < seq) before = i;
        else if (!after) after = i;
      }
    }
    return before ? before : after;
  }

  void load_builders() {
    // One builder per image that artifacts come out of, in the order the driver first uses it.
    std::vector<std::string> order;
    for (const auto &e : m_model.extractions) {
      std::string img = canonical_image(e.image);
      if (std::find(order.begin(), order.end(), img) == order.end()) order.push_back(img);
    }
    chain_builders(order);
    std::vector<std::string> taken;
    if (m_runtime) {
      // Names the runtime file already uses are not available to builders.
      std::string text = read(*m_conv.runtime_dockerfile);
      auto doc = syntax::Document::parse(text, *m_conv.runtime_dockerfile);
      analysis::StageGraph g(*doc);
      for (const auto &s : g.stages()) {
        if (!s.name.empty()) taken.push_back(s.name);
      }
    }
    for (const auto &img : order) {
      Builder b;
      b.image = img;
      for (const auto &e : m_model.extractions) {
        if (canonical_image(e.image) == img) {
          b.display_image = e.image;
          break;
        }
      }
      for (size_t i : m_builder_builds) {
        for (const auto &t : m_model.builds[i].tags) {
          if (canonical_image(t) != img) continue;
          b.build = i;
          if (b.display_image.empty()) b.display_image = t;  // a chained image nothing is extracted from
        }
      }
      BuilderPiece piece;
      piece.image = b.display_image;
      if (b.build) {
        const BuildStep &bs = m_model.builds[*b.build];
        b.dockerfile = bs.dockerfile;
        if (!exists(bs.dockerfile)) {
          missing_dockerfile(bs, "builder");
          return;
        }
        b.text = read(bs.dockerfile);
        b.doc = syntax::Document::parse(b.text, bs.dockerfile);
        for (const auto &p : b.doc->problems()) {
          syntax::Position pos = b.doc->lines().position(p.range.start);
          m_conv.refusals.push_back(Finding{"unparsable-dockerfile", p.message, SourceRef{bs.dockerfile, pos.line, ""}});
        }
        piece.dockerfile = bs.dockerfile;
        piece.context = bs.context;
        piece.build_args = bs.build_args;
        piece.where = bs.where;
      } else {
        piece.where = first_use(img);
      }
      // The stage name: "builder" for one builder, else from the image's repository name.
      std::string wanted = "builder";
      if (order.size() > 1) {
        wanted = image_base_name(b.display_image);
        if (wanted.find("build") == std::string::npos) wanted += "-builder";
      }
      if (b.doc) {
        analysis::StageGraph g(*b.doc);
        for (const auto &s : g.stages()) {
          if (!s.name.empty()) b.stage_names.push_back(s.name);
        }
        // Stages of a multi-stage builder keep their names; they must not clash with the runtime's.
        for (const auto &n : b.stage_names) {
          if (std::find(taken.begin(), taken.end(), n) != taken.end()) {
            m_conv.refusals.push_back(Finding{"stage-name-clash", "stage `" + n + "` of " + b.dockerfile + " has the same name as a stage of the runtime Dockerfile or another builder; rename one of them first", piece.where});
          }
        }
        const analysis::Stage *target = nullptr;
        const BuildStep &bs = m_model.builds[*b.build];
        if (bs.target) {
          auto idx = g.find(*bs.target);
          if (idx) target = &g.stages()[*idx];
        } else if (g.last()) {
          target = &g.stages()[*g.last()];
        }
        if (!target) {
          m_conv.refusals.push_back(Finding{"unresolvable-mapping", b.dockerfile + " has no stage to build" + (bs.target ? " named `" + *bs.target + "`" : std::string()), piece.where});
        } else if (!target->name.empty()) {
          b.stage = target->name;
        } else {
          for (const auto &n : b.stage_names) taken.push_back(n);
          b.stage = analysis::unique_stage_name(wanted, taken);
          const syntax::Instruction &from = b.doc->instructions()[target->from_instruction];
          bool lower_keyword = from.keyword == lower(from.keyword);
          uint32_t at = from.args.empty() ? from.keyword_range.end : from.args.back().range.end;
          b.edits.push_back(edit::TextEdit{at, at, std::string(lower_keyword ? " as " : " AS ") + b.stage});
        }
        add_arg_defaults(b, piece);
        rebase_sources(b, piece);
      } else {
        b.stage = analysis::unique_stage_name(wanted, taken);
      }
      taken.push_back(b.stage);
      for (const auto &n : b.stage_names) taken.push_back(n);
      piece.stage = b.stage;
      m_conv.builders.push_back(piece);
      m_builders.push_back(std::move(b));
    }
    link_chained_builders();
    warn_relative_container_paths();
    collect_builder_sources();
    for (size_t i = 0; i < m_model.builds.size(); ++i) {
      bool used = (m_runtime && (i == *m_runtime || std::find(m_extra_runtime_builds.begin(), m_extra_runtime_builds.end(), i) != m_extra_runtime_builds.end()));
      for (const auto &b : m_builders) used = used || (b.build && *b.build == i);
      bool other_runtime = false;
      for (const auto &e : m_model.extractions) other_runtime = other_runtime || (m_model.builds[i].seq > e.seq && relative_to(e.host_path, m_model.builds[i].context));
      if (!used && other_runtime && !m_candidates.count(i)) {
        m_conv.warnings.push_back(Finding{"other-runtime", "this image is built from the same extracted artifacts, which nothing produces after the conversion; convert it too (--runtime-dockerfile " + m_model.builds[i].dockerfile + ")", m_model.builds[i].where});
        m_unrelated_builds.insert(m_model.builds[i].seq);
      } else if (!used && !m_candidates.count(i)) {
        m_conv.warnings.push_back(Finding{"unrelated-build", "this image build is not part of the builder pattern; it stays in the residual script", m_model.builds[i].where});
        m_unrelated_builds.insert(m_model.builds[i].seq);
      }
    }
  }

  // `docker cp c:app/out` reads `/app/out` whatever the image's WORKDIR: the conversion keeps
  // that meaning, and says so where the builder works elsewhere (a reader may expect WORKDIR).
  void warn_relative_container_paths() {
    for (const auto &e : m_model.extractions) {
      if (!e.relative) continue;
      const Builder &b = m_builders[builder_of(e)];
      if (!b.doc) continue;
      std::string workdir;
      for (const auto &ins : b.doc->instructions()) {
        if (ins.is(syntax::InstructionKind::Workdir) && !ins.args.empty()) workdir = normalize_path(ins.args[0].value);
      }
      if (workdir.empty() || workdir == "/") continue;
      m_conv.warnings.push_back(Finding{"relative-container-path", "docker cp reads a container path without a leading `/` from the root, not from the builder's WORKDIR `" + workdir + "`: the artifact is `" + e.container_path + "`, and the merged file copies from there as the old flow did", e.where});
    }
  }

  void collect_builder_sources() {
    for (size_t i = 0; i < m_builders.size(); ++i) {
      const Builder &b = m_builders[i];
      if (!b.doc) continue;
      const std::string &context = m_conv.builders[i].context;
      for (const auto &ins : b.doc->instructions()) {
        if ((!ins.is(syntax::InstructionKind::Copy) && !ins.is(syntax::InstructionKind::Add)) || ins.flag("from") || !ins.heredocs.empty()) continue;
        for (size_t a = 0; a + 1 < ins.args.size(); ++a) {
          const std::string &v = ins.args[a].value;
          if (v.empty() || v.find("://") != std::string::npos) continue;
          std::string source = join_path(context, normalize_path(v[0] == '/' ? v.substr(1) : v));
          m_conv.builder_sources.push_back(source);
          // A builder fed by another container's artifact through the host: not merged.
          for (const auto &e : m_model.extractions) {
            if (e.via == Extraction::Via::BindMount || source == "." || !(relative_to(e.host_path, source) || relative_to(source, e.host_path))) continue;
            m_conv.refusals.push_back(Finding{"chained-artifact", "`" + v + "` comes from another container through the host (" + e.where.file + ":" + std::to_string(e.where.line) + "); msmigrate does not chain builders through host files", file_ref(b.dockerfile, *b.doc, ins)});
            break;
          }
        }
      }
    }
    for (const auto &run : m_model.runs) {
      for (const auto &m : run.mounts) {
        if (m.kind == Mount::Kind::Source && exists(m.host)) m_conv.builder_sources.push_back(m.host);
      }
    }
  }

  // The merged file has one context (the runtime's, or the first builder's without a runtime):
  // a builder built from a subdirectory names its sources from there.
  void rebase_sources(Builder &b, const BuilderPiece &piece) {
    std::string merged = m_runtime ? m_model.builds[*m_runtime].context : m_model.builds[*m_builders_first_build()].context;
    auto prefix = relative_to(piece.context, merged);
    if (!prefix) {
      m_conv.refusals.push_back(Finding{"different-contexts", "the builder's context `" + piece.context + "` is outside the runtime's context `" + merged + "`; one Dockerfile has one context", piece.where});
      return;
    }
    if (*prefix == ".") return;
    size_t rewritten = 0;
    for (const auto &ins : b.doc->instructions()) {
      if (!ins.is(syntax::InstructionKind::Copy) && !ins.is(syntax::InstructionKind::Add)) continue;
      if (ins.flag("from") || !ins.heredocs.empty()) continue;
      for (size_t a = 0; a + 1 < ins.args.size(); ++a) {
        const std::string &v = ins.args[a].value;
        if (v.find("://") != std::string::npos) continue;
        std::string rel = v[0] == '/' ? v.substr(1) : v;
        std::string joined = normalize_path(*prefix + "/" + rel);
        if (ends_with(v, "/") || v == "." ) joined += "/";
        b.edits.push_back(edit::TextEdit{ins.args[a].range.start, ins.args[a].range.end, ins.json ? json_quote(joined) : joined});
        ++rewritten;
      }
    }
    if (rewritten) {
      m_conv.warnings.push_back(Finding{"rebased-sources", b.dockerfile + " was built with context `" + piece.context + "`; its COPY sources now start with `" + *prefix + "/` in the merged context `" + merged + "` (a .dockerignore there no longer applies)", piece.where});
    }
  }

  std::optional<size_t> m_builders_first_build() const {
    return m_builder_builds.empty() ? std::optional<size_t>() : std::optional<size_t>(m_builder_builds.front());
  }

  // A builder FROM an image the driver built before it (a toolchain image): that build becomes
  // a stage too, placed first, and the FROM names the stage instead of pulling the image.
  void chain_builders(std::vector<std::string> &order) {
    for (size_t k = 0; k < order.size() && k < 64; ++k) {
      size_t used_at = SIZE_MAX;
      for (const auto &e : m_model.extractions) {
        if (canonical_image(e.image) == order[k]) used_at = std::min(used_at, e.seq);
      }
      std::optional<size_t> build = build_tagged(order[k], used_at);
      if (!build || !exists(m_model.builds[*build].dockerfile)) continue;
      auto doc = syntax::Document::parse(read(m_model.builds[*build].dockerfile));
      analysis::StageGraph g(*doc);
      for (const auto &st : g.stages()) {
        if (st.base_stage) continue;
        for (size_t i = 0; i < m_model.builds.size(); ++i) {
          if (m_model.builds[i].seq > m_model.builds[*build].seq) continue;
          for (const auto &t : m_model.builds[i].tags) {
            std::string img = canonical_image(t);
            if (img != canonical_image(st.base_expanded)) continue;
            if (std::find(order.begin(), order.end(), img) != order.end()) continue;
            order.insert(order.begin() + static_cast<long>(k), img);
            if (std::find(m_builder_builds.begin(), m_builder_builds.end(), i) == m_builder_builds.end()) m_builder_builds.push_back(i);
            m_chained.insert(img);
            k = 0;
          }
        }
      }
    }
  }

  void link_chained_builders() {
    for (auto &b : m_builders) {
      if (!b.doc) continue;
      analysis::StageGraph g(*b.doc);
      for (const auto &st : g.stages()) {
        if (st.base_stage) continue;
        for (const auto &other : m_builders) {
          if (&other == &b || !m_chained.count(other.image) || other.image != canonical_image(st.base_expanded)) continue;
          b.edits.push_back(edit::TextEdit{st.base_range.start, st.base_range.end, other.stage});
          m_conv.warnings.push_back(Finding{"chained-builder", b.dockerfile + " builds FROM `" + st.base + "`, built first by the driver; it is now the stage `" + other.stage + "`", m_model.builds[*other.build].where});
        }
      }
    }
  }

  // Every text shown to the user spells CI expressions as the configuration does.
  void restore_ci_expressions() {
    if (m_ci_expressions.empty()) return;
    auto fix = [this](std::string &t) {
      for (size_t n = m_ci_expressions.size(); n-- > 0;) {
        std::string var = "${MSM_CI_EXPR_" + std::to_string(n) + "}";
        for (size_t p = t.find(var); p != std::string::npos; p = t.find(var, p + 1)) t.replace(p, var.size(), m_ci_expressions[n]);
      }
    };
    fix(m_conv.command);
    fix(m_conv.residual_script);
    for (auto &t : m_conv.runtime_tags) fix(t);
    for (auto &l : m_conv.leftover) fix(l.text);
    for (auto &d : m_conv.dropped) fix(d.where.text);
    for (auto *list : {&m_conv.warnings, &m_conv.refusals}) {
      for (auto &f : *list) fix(f.where.text);
    }
    for (auto &a : m_conv.artifacts) fix(a.extracted.text);
    for (auto &b : m_conv.builders) {
      fix(b.where.text);
      for (auto &arg : b.build_args) fix(arg.raw);
    }
  }

  SourceRef first_use(const std::string &img) const {
    for (const auto &e : m_model.extractions) {
      if (canonical_image(e.image) == img) return e.where;
    }
    return {};
  }

  // Constant --build-arg values become the ARG's default; values from the environment stay
  // on the replacement command line.
  void add_arg_defaults(Builder &b, const BuilderPiece &piece) {
    for (const auto &a : piece.build_args) {
      if (a.dynamic) {
        m_command_args.push_back("--build-arg " + a.name + "=" + shell_quote_raw(a.raw));
        continue;
      }
      const syntax::Argument *decl = nullptr;
      for (const auto &ins : b.doc->instructions()) {
        if (!ins.is(syntax::InstructionKind::Arg)) continue;
        for (const auto &arg : ins.args) {
          std::string name = arg.value.substr(0, arg.value.find('='));
          if (name == a.name) decl = &arg;
        }
      }
      if (!decl) {
        m_conv.warnings.push_back(Finding{"unused-build-arg", "--build-arg " + a.name + " is not declared by an ARG in " + b.dockerfile + "; docker ignored it, and so does the conversion", piece.where});
        continue;
      }
      std::string current = decl->value.find('=') == std::string::npos ? std::string() : decl->value.substr(decl->value.find('=') + 1);
      if (decl->value.find('=') != std::string::npos && current == a.value) continue;
      b.edits.push_back(edit::TextEdit{decl->range.start, decl->range.end, a.name + "=" + arg_value(a.value)});
    }
  }

  // --- host steps between extraction and the runtime build ------------------------------------------
  bool touches_artifact(const std::string &path) const {
    for (const auto &e : m_model.extractions) {
      if (e.via == Extraction::Via::BindMount) {
        // A bind-mounted tree: only files the checkout does not hold are artifacts.
        if (relative_to(path, e.host_path) && !exists(path)) return true;
        continue;
      }
      if (relative_to(path, e.host_path) || relative_to(e.host_path, path)) return true;
    }
    return false;
  }

  void check_host_steps() {
    size_t first_extraction = SIZE_MAX;
    for (const auto &e : m_model.extractions) first_extraction = std::min(first_extraction, e.seq);
    size_t runtime_seq = m_runtime ? m_model.builds[*m_runtime].seq : SIZE_MAX;
    // Without a runtime image, what runs after the last extraction only uses the exported files
    // (uploads, checksums) and stays in the residual script, unless it changes them.
    size_t last_extraction = 0;
    for (const auto &e : m_model.extractions) last_extraction = std::max(last_extraction, e.seq);
    for (const auto &s : m_model.host_steps) {
      if (s.seq > runtime_seq) continue;
      if (!m_runtime && s.seq > last_extraction) {
        bool artifact = false;
        for (const auto &p : s.paths) artifact = artifact || touches_artifact(p);
        if (s.kind == HostStep::Kind::Modify && artifact) {
          m_conv.refusals.push_back(Finding{"host-post-processing", "the exported file is changed on the host after it leaves the builder; move this step into the builder Dockerfile first", s.where});
        }
        continue;
      }
      switch (s.kind) {
        case HostStep::Kind::Modify: {
          bool artifact = false;
          for (const auto &p : s.paths) artifact = artifact || touches_artifact(p);
          if (artifact && s.seq > first_extraction) {
            m_conv.refusals.push_back(Finding{"host-post-processing", "the artifact is changed on the host after it leaves the builder; move this step into the builder Dockerfile first", s.where});
          } else if (!artifact) {
            m_conv.refusals.push_back(Finding{"unfollowable-logic", "this host command runs before the runtime image is built and may change what goes into it", s.where});
          }
          break;
        }
        case HostStep::Kind::Fetch:
          m_conv.refusals.push_back(Finding{"host-fetch", "files are fetched on the host before the runtime image is built; the merged build would not have them", s.where});
          break;
        case HostStep::Kind::Move: {
          if (s.paths.size() < 2) break;
          const std::string &from = s.paths[0];
          const std::string &to = s.paths.back();
          bool artifact = false;
          for (auto &e : m_model.extractions) {
            if (e.via != Extraction::Via::BindMount && e.host_path == from && s.seq > e.seq) {
              artifact = true;
              std::string dest = is_dir(to) ? join_path(to, base_name(from)) : to;
              bool move = starts_with(s.where.text, "mv") || s.where.text.find(" mv ") != std::string::npos;
              if (move) {
                e.host_path = dest;
              } else {
                Extraction copy = e;
                copy.host_path = dest;
                m_renamed.push_back(copy);
              }
            }
          }
          if (!artifact) {
            m_copied_in.push_back(s);
          }
          break;
        }
        case HostStep::Kind::Other:
          if (m_unrelated_builds.count(s.seq)) break;
          m_conv.refusals.push_back(Finding{"unfollowable-logic", "this host command runs before the runtime image is built; msmigrate cannot tell whether it changes the build's inputs", s.where});
          break;
        default:
          break;
      }
    }
    for (auto &c : m_renamed) m_model.extractions.push_back(c);
  }

  // --- the runtime Dockerfile ----------------------------------------------------------------------
  struct Match {
    const Extraction *e = nullptr;
    std::string builder_path;
    size_t builder = 0;
  };

  size_t builder_of(const Extraction &e) const {
    for (size_t i = 0; i < m_builders.size(); ++i) {
      if (m_builders[i].image == canonical_image(e.image)) return i;
    }
    return 0;
  }

  std::optional<Match> match(const std::string &path) const {
    std::optional<Match> best;
    size_t best_len = 0;
    for (const auto &e : m_model.extractions) {
      auto rest = relative_to(path, e.host_path);
      if (!rest) continue;
      if (e.via == Extraction::Via::BindMount && exists(path)) continue;
      size_t len = e.host_path == "." ? 0 : e.host_path.size() + 1;
      if (best && len < best_len) continue;
      Match m;
      m.e = &e;
      m.builder_path = *rest == "." ? e.container_path : join_path(e.container_path, *rest);
      m.builder = builder_of(e);
      best = m;
      best_len = len;
    }
    return best;
  }

  void map_runtime() {
    const std::string &file = *m_conv.runtime_dockerfile;
    m_runtime_text = read(file);
    m_runtime_doc = syntax::Document::parse(m_runtime_text, file);
    for (const auto &p : m_runtime_doc->problems()) {
      syntax::Position pos = m_runtime_doc->lines().position(p.range.start);
      m_conv.refusals.push_back(Finding{"unparsable-dockerfile", p.message, SourceRef{file, pos.line, ""}});
    }
    analysis::StageGraph graph(*m_runtime_doc);
    const auto &instructions = m_runtime_doc->instructions();
    const std::string &context = m_conv.runtime_context;
    std::set<const Extraction *> used;
    bool non_artifact_sources = false;
    for (size_t i = 0; i < instructions.size(); ++i) {
      const syntax::Instruction &ins = instructions[i];
      if (!ins.is(syntax::InstructionKind::Copy) && !ins.is(syntax::InstructionKind::Add)) continue;
      if (ins.flag("from") || !ins.heredocs.empty() || ins.args.size() < 2) continue;
      SourceRef at = file_ref(file, *m_runtime_doc, ins);
      if (!graph.stage_of(i)) {
        // docker build rejects it too ("no build stage in current context"): the input is broken.
        throw Error(full(file) + ":" + std::to_string(ins.start_line) + ": " + ins.keyword + " before the first FROM; docker build rejects this Dockerfile (fix it, then convert)");
      }
      std::string dest = graph.scope().expand(i, ins.args.back().value);
      if (dest.empty()) {
        m_conv.refusals.push_back(Finding{"unresolvable-mapping", "the destination expands to nothing", file_ref(file, *m_runtime_doc, ins)});
        continue;
      }
      std::vector<std::pair<size_t, Match>> matched;
      std::vector<size_t> plain;
      for (size_t a = 0; a + 1 < ins.args.size(); ++a) {
        std::string src = graph.scope().expand(i, ins.args[a].value);
        if (src.find("://") != std::string::npos) {
          plain.push_back(a);
          continue;
        }
        if (src.empty()) continue;
        std::string rel = normalize_path(src[0] == '/' ? src.substr(1) : src);
        std::string path = join_path(context, rel);
        if (is_glob(rel)) {
          std::vector<const Extraction *> hits;
          for (const auto &e : m_model.extractions) {
            auto in_ctx = relative_to(e.host_path, context);
            if (in_ctx && fnmatch(rel.c_str(), in_ctx->c_str(), FNM_PATHNAME) == 0) hits.push_back(&e);
          }
          if (hits.size() == 1) {
            Match m{hits[0], hits[0]->container_path, builder_of(*hits[0])};
            matched.emplace_back(a, m);
            m_conv.warnings.push_back(Finding{"glob-source", "`" + src + "` matched one extracted file; the COPY now names it exactly", at});
          } else if (hits.size() > 1) {
            m_conv.refusals.push_back(Finding{"unresolvable-mapping", "`" + src + "` matches several extracted files; write them out by hand", at});
          } else if (auto m = match(path); m && m->e->via == Extraction::Via::BindMount) {
            // A glob inside a bind-mounted output directory matches in the builder stage now.
            matched.emplace_back(a, *m);
            m_conv.warnings.push_back(Finding{"glob-source", "`" + src + "` now matches in the builder stage's `" + m->builder_path + "`; check it matches the same files there", at});
          } else {
            plain.push_back(a);
          }
          continue;
        }
        if (auto m = match(path)) {
          matched.emplace_back(a, *m);
          continue;
        }
        // The source holds an artifact among other files (`COPY . /app`).
        bool holds = false;
        for (const auto &e : m_model.extractions) {
          auto inner = relative_to(e.host_path, path);
          if (!inner || *inner == "." || e.via == Extraction::Via::BindMount) continue;
          holds = true;
          std::string target = join_path(dest, *inner);
          if (!ends_with(dest, "/") && dest != "." && !is_dir(path)) target = dest;
          m_extra_lines.push_back({ins.line_range.end, "COPY --from=" + m_builders[builder_of(e)].stage + " " + e.container_path + " " + target});
          used.insert(&e);
          m_conv.warnings.push_back(Finding{"implicit-artifact", "`" + src + "` also held the extracted `" + e.host_path + "`; a COPY --from line now supplies it", at});
          ArtifactMapping map{m_builders[builder_of(e)].stage, e.container_path, e.host_path, via_name(e.via), e.where, file, ins.start_line, at.text, m_extra_lines.back().second};
          m_conv.artifacts.push_back(map);
        }
        if (!exists(path) && !holds) {
          bool copied = false;
          for (const auto &s : m_copied_in) copied = copied || (s.paths.size() >= 2 && (relative_to(path, s.paths.back()) || relative_to(s.paths.back(), path)));
          if (copied) {
            m_conv.refusals.push_back(Finding{"unproduced-context", "`" + src + "` is copied into the context from elsewhere on the host, not produced by a build", at});
          } else {
            // Not produced by the driver: the merged file reads it from the same context as before.
            m_conv.warnings.push_back(Finding{"context-path", "`" + src + "` is not in this checkout and the driver does not produce it; the line stays a context COPY, as before", at});
          }
        }
        plain.push_back(a);
        non_artifact_sources = true;
      }
      if (matched.empty()) continue;
      if (!plain.empty()) {
        m_conv.refusals.push_back(Finding{"mixed-sources", "this line copies artifacts and context files together; split it into two COPY lines first", at});
        continue;
      }
      size_t stage = matched[0].second.builder;
      for (const auto &[a, m] : matched) {
        if (m.builder != stage) {
          m_conv.refusals.push_back(Finding{"mixed-sources", "this line copies artifacts of different builders; split it first", at});
        }
      }
      rewrite(ins, i, graph, matched, dest, at);
      for (const auto &[a, m] : matched) used.insert(m.e);
    }
    if (non_artifact_sources && !m_builders.empty()) {
      for (const auto &b : m_conv.builders) {
        if (!b.dockerfile.empty() && b.context != context) {
          m_conv.refusals.push_back(Finding{"different-contexts", "the builder's context (" + b.context + ") differs from the runtime's (" + context + ") and the runtime copies context files too; one Dockerfile has one context", b.where});
        }
      }
    }
    if (m_conv.artifacts.empty()) {
      m_conv.refusals.push_back(Finding{"unresolvable-mapping", file + " copies none of the extracted files", m_model.extractions[0].where});
    }
    for (const auto &e : m_model.extractions) {
      if (!used.count(&e) && e.via != Extraction::Via::BindMount) {
        m_conv.warnings.push_back(Finding{"unused-artifact", "`" + e.host_path + "` is extracted but the runtime Dockerfile does not copy it; it is no longer produced", e.where});
      }
    }
  }

  void rewrite(const syntax::Instruction &ins, size_t index, const analysis::StageGraph &graph,
               const std::vector<std::pair<size_t, Match>> &matched, const std::string &dest, const SourceRef &at) {
    Builder &builder = m_builders[matched[0].second.builder];
    bool add = ins.is(syntax::InstructionKind::Add);
    bool lower_keyword = ins.keyword == lower(ins.keyword);
    bool dest_is_dir = ends_with(dest, "/") || dest == "." || matched.size() > 1;
    // A WORKDIR the copy lands in is a directory too.
    auto stage = graph.stage_of(index);
    for (size_t j = stage ? graph.stages()[*stage].from_instruction : index; j < index; ++j) {
      const auto &w = m_runtime_doc->instructions()[j];
      if (w.is(syntax::InstructionKind::Workdir) && !w.args.empty() && normalize_path(w.args[0].value) == normalize_path(dest)) dest_is_dir = true;
    }
    for (const auto &f : ins.flags) {
      if (f.name != "chown" && f.name != "chmod" && f.name != "link" && f.name != "parents" && f.name != "exclude") {
        m_conv.refusals.push_back(Finding{"unsupported-flag", "--" + f.name + " has no equivalent on COPY --from", at});
        return;
      }
    }
    std::vector<edit::TextEdit> edits;
    std::string keyword = add ? (lower_keyword ? "copy" : "COPY") : ins.keyword;
    bool tar_add = false;
    for (const auto &[a, m] : matched) tar_add = tar_add || (add && is_tarball(m.builder_path));
    if (tar_add) {
      if (matched.size() != 1 || dest.empty() || dest[0] != '/') {
        m_conv.refusals.push_back(Finding{"unresolvable-mapping", "ADD extracts a tarball here; msmigrate moves the extraction into the builder only for one tarball and an absolute destination", at});
        return;
      }
      std::string exported = normalize_path("/export" + dest);
      builder.appended.push_back("RUN mkdir -p " + exported + " && tar -xf " + matched[0].second.builder_path + " -C " + exported);
      m_conv.warnings.push_back(Finding{"tarball-extraction", "the ADD of a tarball is now a tar -x in the builder stage (which needs tar); owners and modes stored in the tar must still match", at});
      edits.push_back(edit::TextEdit{ins.keyword_range.start, ins.keyword_range.end, keyword + " --from=" + builder.stage});
      const auto &arg = ins.args[matched[0].first];
      edits.push_back(edit::TextEdit{arg.range.start, arg.range.end, ins.json ? json_quote(exported) : exported});
    } else {
      std::string owner;
      bool has_chown = false;
      for (const auto &f : ins.flags) has_chown = has_chown || f.name == "chown";
      if (!has_chown && builder_may_leave_non_root_files(builder.doc.get())) {
        owner = " --chown=0:0";
        m_conv.warnings.push_back(Finding{"owner-reset", "the builder may leave files owned by another user; --chown=0:0 keeps the owner docker cp gave them", at});
      }
      edits.push_back(edit::TextEdit{ins.keyword_range.start, ins.keyword_range.end, keyword + " --from=" + builder.stage + owner});
      bool renamed = false;
      for (const auto &[a, m] : matched) {
        const auto &arg = ins.args[a];
        std::string seen = base_name(normalize_path(ins.args[a].value));
        renamed = renamed || (base_name(m.builder_path) != seen && !m.e->contents);
        edits.push_back(edit::TextEdit{arg.range.start, arg.range.end, ins.json ? json_quote(m.builder_path) : m.builder_path});
      }
      if (renamed && dest_is_dir && matched.size() == 1) {
        // The file kept the name the runtime saw: spell out the full destination.
        std::string seen = base_name(normalize_path(ins.args[matched[0].first].value));
        std::string full_dest = (ends_with(dest, "/") ? dest : dest + "/") + seen;
        if (dest == ".") full_dest = "./" + seen;
        const auto &d = ins.args.back();
        edits.push_back(edit::TextEdit{d.range.start, d.range.end, ins.json ? json_quote(full_dest) : full_dest});
        m_conv.warnings.push_back(Finding{"renamed-artifact", "the extraction renamed the file; the destination now names it, assuming it is a file", at});
      }
    }
    if (add && !tar_add) {
      m_conv.warnings.push_back(Finding{"add-to-copy", "ADD of a non-tar artifact is now COPY --from (ADD has no --from); check it is not a tar archive without a tar extension", at});
    }
    std::string line(m_runtime_doc->text(ins.line_range));
    auto after = edit::apply_edits(m_runtime_text.substr(ins.line_range.start, ins.line_range.end - ins.line_range.start), shift(edits, ins.line_range.start));
    for (const auto &[a, m] : matched) {
      m_conv.artifacts.push_back(ArtifactMapping{builder.stage, m.builder_path, m.e->host_path, via_name(m.e->via), m.e->where,
                                                 *m_conv.runtime_dockerfile, ins.start_line, line, after.value_or("")});
    }
    for (auto &e : edits) m_runtime_edits.push_back(std::move(e));
  }

  static std::vector<edit::TextEdit> shift(std::vector<edit::TextEdit> edits, uint32_t by) {
    for (auto &e : edits) {
      e.start -= by;
      e.end -= by;
    }
    return edits;
  }

  // No runtime Dockerfile: the artifacts only went to the host. An export stage replaces that.
  void export_stage() {
    // A later image build that gets the artifact through host steps (cp into its context, an
    // untar) is a runtime this conversion cannot merge: exporting alone would drop that link.
    size_t last_extraction = 0;
    for (const auto &e : m_model.extractions) last_extraction = std::max(last_extraction, e.seq);
    for (const auto &b : m_model.builds) {
      if (b.seq < last_extraction) continue;
      for (const auto &s : m_model.host_steps) {
        if (s.seq < last_extraction || s.seq > b.seq || (s.kind != HostStep::Kind::Move && s.kind != HostStep::Kind::Modify)) continue;
        bool artifact = false;
        for (const auto &p : s.paths) artifact = artifact || touches_artifact(p);
        if (artifact) {
          m_conv.refusals.push_back(Finding{"unproduced-context", "this image is built from the artifact after host steps move or unpack it into its context (" + s.where.file + ":" + std::to_string(s.where.line) + "); msmigrate does not merge that", b.where});
          return;
        }
      }
    }
    m_conv.warnings.push_back(Finding{"artifact-only", "no runtime image is built; the output ends with an export stage for `docker build --target export --output …`", m_model.extractions[0].where});
    for (const auto &e : m_model.extractions) {
      std::string stage = m_builders[builder_of(e)].stage;
      std::string from = e.container_path, to = e.host_path;
      if (e.via == Extraction::Via::BindMount) bind_mount_output(e, from, to);
      std::string line = "COPY --from=" + stage + " " + from + " /" + (to == "." ? "" : to);
      m_export_lines.push_back(line);
      m_conv.artifacts.push_back(ArtifactMapping{stage, e.container_path, e.host_path, via_name(e.via), e.where, "", 0, "", line});
    }
  }

  // What a bind-mount build without a runtime image produced: the `-o FILE` its command names
  // (go build, cc, gcc…). The export is inferred, and the warning says what was; without such
  // an output the files it wrote cannot be told from the sources (a refusal).
  void bind_mount_output(const Extraction &e, std::string &from, std::string &to) {
    const RunBuild &run = m_model.runs.at(*e.run);
    std::string workdir = run.workdir.value_or(e.container_path);
    for (size_t i = 0; i + 1 < run.args.size(); ++i) {
      if (run.args[i] != "-o") continue;
      std::string out = run.args[i + 1];
      std::string abs = normalize_path(out[0] == '/' ? out : join_path(workdir, out));
      auto inside = relative_to(abs.substr(1), e.container_path.substr(1));
      if (!inside) break;
      from = abs;
      to = join_path(e.host_path, *inside);
      m_conv.warnings.push_back(Finding{"bind-mount-export", "no runtime image is built from this bind-mount build; the export stage takes `" + from + "`, the `-o` output of its command, to `" + to + "`", e.where});
      return;
    }
    m_conv.refusals.push_back(Finding{"unresolvable-mapping", "a bind-mount build without a runtime image whose command names no output (`-o FILE`): msmigrate cannot tell which files it produced", e.where});
  }

  std::string unknown_command(const RunBuild &run, const std::string &lines) {
    m_conv.refusals.push_back(Finding{"unfollowable-logic", "the container's command is not known (a stock image without explicit arguments)", run.where});
    return lines;
  }

  // --- bind-mount builds become RUN steps of their builder stage -----------------------------------
  std::string run_stage_lines(const RunBuild &run, Builder &b) {
    std::string out;
    bool cache = false;
    std::string mount_flags;
    for (const auto &m : run.mounts) {
      if (m.kind == Mount::Kind::Cache && m.container[0] != '/') {
        // A cache changes how fast the build runs, never what it makes.
        m_conv.warnings.push_back(Finding{"cache-dropped", "the cache mounted at `" + m.container + "` sits at a path the host user's environment decides; the RUN step gets no cache mount for it (same result, slower rebuilds)", run.where});
      } else if (m.kind == Mount::Kind::Cache) {
        mount_flags += "--mount=type=cache,target=" + m.container + " ";
        cache = true;
      } else if (m.kind == Mount::Kind::Source) {
        auto in_ctx = relative_to(m.host, m_conv.runtime_context);
        if (!in_ctx) {
          m_conv.refusals.push_back(Finding{"different-contexts", "the mounted `" + m.host + "` is outside the build context", run.where});
          continue;
        }
        if (exists(m.host)) {
          std::string src = *in_ctx == "." ? "." : *in_ctx;
          out += "COPY " + src + " " + m.container + "\n";
        } else {
          out += "RUN mkdir -p " + m.container + "\n";
        }
      }
    }
    if (cache) m_needs_syntax = true;
    std::string workdir = run.workdir.value_or("");
    if (!workdir.empty()) out = "WORKDIR " + workdir + "\n" + out;
    for (const auto &[k, v] : run.env) out += "ENV " + k + "=" + arg_value(v) + "\n";
    // The command: ENTRYPOINT + (args or CMD), as docker run composes them.
    std::vector<std::string> entry;
    std::vector<std::string> cmd = run.args;
    std::optional<std::string> shell_form;
    if (run.entrypoint) {
      entry = {*run.entrypoint};
    } else if (b.doc) {
      for (const auto &ins : b.doc->instructions()) {
        if (ins.is(syntax::InstructionKind::Entrypoint)) {
          entry.clear();
          if (ins.json) {
            for (const auto &a : ins.args) entry.push_back(a.value);
          } else if (!ins.args.empty()) {
            shell_form = ins.args[0].value;
          }
        }
      }
    }
    if (cmd.empty() && b.doc && !shell_form) {
      for (const auto &ins : b.doc->instructions()) {
        if (ins.is(syntax::InstructionKind::Cmd)) {
          cmd.clear();
          if (ins.json) {
            for (const auto &a : ins.args) cmd.push_back(a.value);
          } else if (!ins.args.empty()) {
            if (entry.empty()) shell_form = ins.args[0].value;
          }
        }
      }
    }
    std::string run_line = "RUN " + mount_flags;
    if (run.stdout_to) {
      // The command's stdout was the artifact: the stage keeps it in a file instead.
      std::string dir = run.stdout_to->substr(0, run.stdout_to->rfind('/'));
      std::string keep = "mkdir -p " + dir + " && ";
      if (shell_form) {
        run_line += keep + "(" + *shell_form + ") > " + *run.stdout_to;
      } else {
        std::vector<std::string> argv = entry;
        argv.insert(argv.end(), cmd.begin(), cmd.end());
        if (argv.empty()) return unknown_command(run, out);
        std::string json = "[\"/bin/sh\", \"-c\", " + json_quote(keep + "exec \"$@\" > " + *run.stdout_to) + ", \"sh\"";
        for (const auto &a : argv) json += ", " + json_quote(a);
        run_line += json + "]";
      }
    } else if (shell_form) {
      run_line += *shell_form;
    } else {
      std::vector<std::string> argv = entry;
      argv.insert(argv.end(), cmd.begin(), cmd.end());
      if (argv.empty()) return unknown_command(run, out);
      std::string json = "[";
      for (size_t i = 0; i < argv.size(); ++i) json += (i ? ", " : "") + json_quote(argv[i]);
      run_line += json + "]";
    }
    out += run_line + "\n";
    if (run.stdout_to) {
      m_conv.warnings.push_back(Finding{"run-time-build", "the artifact was what this container's command wrote to stdout; that command is now a RUN step of the builder stage writing " + *run.stdout_to, run.where});
    } else if (run.mounts.empty()) {
      m_conv.warnings.push_back(Finding{"run-time-build", "the artifact was built when this container ran its command (then docker cp took it out); that command is now a RUN step of the builder stage", run.where});
    } else {
      m_conv.warnings.push_back(Finding{"run-time-build", "the build that ran in a container with bind mounts is now a RUN step: it no longer sees untracked host files, .git or uninitialised submodules, and .dockerignore now applies to its sources", run.where});
    }
    return out;
  }

  // The directive lines the merged file gains at its top (the file itself has `existing`).
  std::string top_directives(const syntax::Document *existing) const {
    std::string out;
    bool syntax = existing && existing->directive("syntax");
    for (const auto &[key, value] : m_top_directives) {
      if (existing && existing->directive(key)) continue;
      out += "# " + key + "=" + value + "\n";
      syntax = syntax || key == "syntax";
    }
    if (m_needs_syntax && !syntax) out += "# syntax=docker/dockerfile:1\n";
    return out;
  }

  // --- the merged file ------------------------------------------------------------------------------
  // Parser directives belong at the top of a file, so a builder's cannot stay where its stage
  // goes: equal ones merge, a builder's `syntax` the runtime lacks moves to the top, a different
  // `syntax` or `check` keeps the runtime's (with a warning), and a different `escape` would
  // change how one of the two files reads: a refusal naming both lines.
  void merge_directives() {
    auto line_of = [](const syntax::Document &doc, const syntax::Directive &d) { return doc.lines().position(d.range.start).line; };
    auto escape_of = [](const syntax::Document *doc) -> std::string {
      const syntax::Directive *d = doc ? doc->directive("escape") : nullptr;
      return d ? d->value : "\\";
    };
    for (auto &b : m_builders) {
      if (!b.doc) continue;
      for (const auto &d : b.doc->directives()) {
        uint32_t end = d.range.end;
        while (end < b.text.size() && b.text[end] != '\n') ++end;
        if (end < b.text.size()) ++end;
        b.edits.push_back(edit::TextEdit{d.range.start, end, ""});
        SourceRef at{b.dockerfile, line_of(*b.doc, d), std::string(b.doc->text(d.range))};
        const syntax::Directive *mine = m_runtime_doc ? m_runtime_doc->directive(d.key) : nullptr;
        if (!mine) {
          for (const auto &[key, value] : m_top_directives) {
            if (key == d.key && value == d.value) mine = &d;
          }
        }
        if (d.key == "escape") {
          // Compared below; without a runtime file the first builder's escape stays the file's.
          if (!m_runtime_doc && &b == &m_builders.front()) m_top_directives.emplace_back(d.key, d.value);
          continue;
        }
        if (mine && mine->value == d.value) continue;
        if (mine) {
          m_conv.warnings.push_back(Finding{d.key + "-directive", b.dockerfile + " asks for `" + d.key + "=" + d.value + "`; the merged file keeps the runtime's `" + d.key + "=" + mine->value + "` for every stage", at});
        } else if (d.key == "syntax") {
          bool taken = false;
          for (const auto &[key, value] : m_top_directives) taken = taken || key == "syntax";
          if (taken) {
            m_conv.warnings.push_back(Finding{"syntax-directive", b.dockerfile + " asks for another syntax than an earlier builder; the merged file keeps the first", at});
          } else {
            m_top_directives.emplace_back(d.key, d.value);
            if (m_runtime_doc) m_conv.warnings.push_back(Finding{"syntax-directive", "the merged file now starts with " + b.dockerfile + "'s `# syntax=" + d.value + "`, which the runtime Dockerfile did not have", at});
          }
        } else {
          m_conv.warnings.push_back(Finding{d.key + "-directive", b.dockerfile + "'s `" + d.key + "` directive is dropped: the merged file has the runtime's", at});
        }
      }
      // A different escape character changes what every line continuation and escaped quote means.
      const syntax::Document *top = m_runtime_doc ? m_runtime_doc.get() : (m_builders.front().doc ? m_builders.front().doc.get() : nullptr);
      if (top != b.doc.get() && escape_of(top) != escape_of(b.doc.get())) {
        const syntax::Directive *theirs = b.doc->directive("escape");
        const syntax::Directive *ours = top ? top->directive("escape") : nullptr;
        std::string top_file = m_runtime_doc ? *m_conv.runtime_dockerfile : m_builders.front().dockerfile;
        std::string ours_text = ours ? top_file + ":" + std::to_string(line_of(*top, *ours)) + " `" + std::string(top->text(ours->range)) + "`" : top_file + " (no escape directive: `\\`)";
        std::string theirs_text = theirs ? b.dockerfile + ":" + std::to_string(line_of(*b.doc, *theirs)) + " `" + std::string(b.doc->text(theirs->range)) + "`" : b.dockerfile + " (no escape directive: `\\`)";
        SourceRef at = theirs ? SourceRef{b.dockerfile, line_of(*b.doc, *theirs), std::string(b.doc->text(theirs->range))}
                              : SourceRef{top_file, ours ? line_of(*top, *ours) : 1, ours ? std::string(top->text(ours->range)) : ""};
        m_conv.refusals.push_back(Finding{"different-escape", "the two files use different escape characters (" + ours_text + ", " + theirs_text + "); one Dockerfile has one: rewrite one file's escapes first", at});
      }
    }
  }

  void assemble() {
    merge_directives();
    if (!m_conv.refusals.empty()) return;
    std::string stages;
    for (auto &b : m_builders) {
      std::string text;
      if (b.doc) {
        auto edited = edit::apply_edits(b.text, b.edits);
        if (!edited) throw Error(b.dockerfile + ": internal error: conflicting edits");
        text = *edited;
      } else {
        text = "FROM " + b.display_image + " AS " + b.stage + "\n";
      }
      if (!text.empty() && text.back() != '\n') text += "\n";
      for (const auto &run : m_model.runs) {
        if (canonical_image(run.image) == b.image) text += run_stage_lines(run, b);
      }
      for (const auto &line : b.appended) text += line + "\n";
      stages += text + "\n";
    }
    if (!m_conv.refusals.empty()) return;
    FileChange change;
    if (m_runtime) {
      change.path = *m_conv.runtime_dockerfile;
      change.before = m_runtime_text;
      // Insert above the runtime's first FROM and the comments directly above it, after its
      // global ARGs (a global ARG must stay before every FROM to stay global).
      uint32_t at = 0;
      const auto &ins = m_runtime_doc->instructions();
      size_t first_from = 0;
      while (first_from < ins.size() && !ins[first_from].is(syntax::InstructionKind::From)) ++first_from;
      if (first_from > 0) {
        at = ins[first_from - 1].range.end;
        // Ranges may or may not end after their newline; stop at the end of that line.
        if (at == 0 || m_runtime_text[at - 1] != '\n') {
          while (at < m_runtime_text.size() && m_runtime_text[at] != '\n') ++at;
          if (at < m_runtime_text.size()) ++at;
        }
        stages = "\n" + stages;
        stages.pop_back();
        stages += "\n";
      } else {
        for (const auto &d : m_runtime_doc->directives()) at = std::max(at, d.range.end);
        if (at > 0 && m_runtime_text[at - 1] != '\n') {
          while (at < m_runtime_text.size() && m_runtime_text[at] != '\n') ++at;
          if (at < m_runtime_text.size()) ++at;
        }
      }
      std::vector<edit::TextEdit> edits = m_runtime_edits;
      std::string top = top_directives(m_runtime_doc.get());
      if (!top.empty() && at == 0) stages = top + stages;
      else if (!top.empty()) edits.push_back(edit::TextEdit{0, 0, top});
      edits.push_back(edit::TextEdit{at, at, stages});
      for (const auto &[pos, line] : m_extra_lines) {
        uint32_t end = pos;
        if (end > 0 && m_runtime_text[end - 1] == '\n') {
          edits.push_back(edit::TextEdit{end, end, line + "\n"});
          continue;
        }
        while (end < m_runtime_text.size() && m_runtime_text[end] != '\n') ++end;
        bool newline = end < m_runtime_text.size();
        edits.push_back(edit::TextEdit{newline ? end + 1 : end, newline ? end + 1 : end, (newline ? "" : "\n") + line + (newline ? "\n" : "")});
      }
      change.fix.edits = std::move(edits);
    } else {
      change.path = exists("Dockerfile") ? "Dockerfile.multistage" : "Dockerfile";
      std::string text = top_directives(nullptr);
      text += stages + "FROM scratch AS export\n";
      for (const auto &l : m_export_lines) text += l + "\n";
      change.fix.edits.push_back(edit::TextEdit{0, 0, text});
    }
    change.fix.title = "Convert the builder pattern to one multi-stage Dockerfile";
    change.fix.applicability = edit::Applicability::Unsafe;
    auto after = edit::apply_edits(change.before, change.fix.edits);
    if (!after) throw Error(change.path + ": internal error: conflicting conversion edits");
    change.after = *after;
    m_conv.output_path = change.path;
    m_conv.output = change.after;
    // The result must parse as cleanly as its inputs did.
    auto check = syntax::Document::parse(change.after, change.path);
    for (const auto &p : check->problems()) {
      syntax::Position pos = check->lines().position(p.range.start);
      m_conv.refusals.push_back(Finding{"internal", "the merged file does not parse: " + p.message, SourceRef{change.path, pos.line, ""}});
    }
    m_conv.changes.push_back(std::move(change));
    for (const auto &b : m_builders) {
      if (b.doc && b.dockerfile != m_conv.output_path) {
        FileChange removed;
        removed.path = b.dockerfile;
        removed.before = b.text;
        removed.remove = true;
        m_conv.changes.push_back(std::move(removed));
      }
    }
    dockerignore();
    command();
  }

  // Whitelist lines for the extracted artifacts are dead once the artifact is built in a stage.
  void dockerignore() {
    std::string path = join_path(m_conv.runtime_context, ".dockerignore");
    if (!exists(path)) return;
    std::string text = read(path);
    FileChange change;
    change.path = path;
    change.before = text;
    size_t pos = 0;
    while (pos < text.size()) {
      size_t end = text.find('\n', pos);
      size_t next = end == std::string::npos ? text.size() : end + 1;
      std::string line = text.substr(pos, (end == std::string::npos ? text.size() : end) - pos);
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
      if (!line.empty() && line[0] == '!') {
        std::string pattern = normalize_path(line.substr(1)[0] == '/' ? line.substr(2) : line.substr(1));
        for (const auto &a : m_conv.artifacts) {
          auto in_ctx = relative_to(a.host_path, m_conv.runtime_context);
          if (in_ctx && (*in_ctx == pattern || fnmatch(pattern.c_str(), in_ctx->c_str(), FNM_PATHNAME) == 0)) {
            change.fix.edits.push_back(edit::TextEdit{static_cast<uint32_t>(pos), static_cast<uint32_t>(next), ""});
            break;
          }
        }
      }
      pos = next;
    }
    // Builder sources the ignore file hides would silently vanish from the merged build.
    for (const auto &b : m_builders) {
      if (!b.doc) continue;
      for (const auto &ins : b.doc->instructions()) {
        if (!ins.is(syntax::InstructionKind::Copy) && !ins.is(syntax::InstructionKind::Add)) continue;
        if (ins.flag("from")) continue;
        for (size_t a = 0; a + 1 < ins.args.size(); ++a) {
          std::string src = normalize_path(ins.args[a].value);
          if (src == "." ) continue;
          if (ignored(text, src)) {
            m_conv.warnings.push_back(Finding{"copy-ignored-file", "`" + src + "` is excluded by " + path + " (BuildKit's CopyIgnoredFile); the builder's COPY would not see it", file_ref(b.dockerfile, *b.doc, ins)});
          }
        }
      }
    }
    if (change.fix.edits.empty()) return;
    change.fix.title = "Drop the artifact whitelist from .dockerignore";
    change.after = edit::apply_edits(text, change.fix.edits).value_or(text);
    m_conv.warnings.push_back(Finding{"dockerignore", path + " whitelisted the extracted artifact; that line is dropped", SourceRef{path, 0, ""}});
    m_conv.changes.push_back(std::move(change));
  }

  static bool ignored(const std::string &ignore_text, const std::string &path) {
    bool result = false;
    std::stringstream ss(ignore_text);
    std::string line;
    while (std::getline(ss, line)) {
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
      if (line.empty() || line[0] == '#') continue;
      bool negate = line[0] == '!';
      std::string pattern = normalize_path(negate ? line.substr(1) : line);
      if (!pattern.empty() && pattern[0] == '/') pattern = pattern.substr(1);
      bool hit = fnmatch(pattern.c_str(), path.c_str(), FNM_PATHNAME) == 0 || starts_with(path, pattern + "/");
      if (hit) result = !negate;
    }
    return result;
  }

  void command() {
    std::string cmd = "docker build";
    if (m_runtime) {
      const BuildStep &r = m_model.builds[*m_runtime];
      for (const auto &o : r.kept_options) cmd += " " + o;
      for (const auto &a : m_command_args) cmd += " " + a;
      for (const auto &a : r.build_args) cmd += " --build-arg " + a.name + (a.raw == a.name ? "" : "=" + a.raw);
      std::string default_file = join_path(r.context, "Dockerfile");
      if (m_conv.output_path != default_file) cmd += " -f " + m_conv.output_path;
      for (const auto &t : r.raw_tags) cmd += " -t " + t;
      cmd += " " + r.context;
    } else {
      for (const auto &a : m_command_args) cmd += " " + a;
      // The builders' context (export paths are project-relative, so the output is the root).
      std::string context = m_builders_first_build() ? m_model.builds[*m_builders_first_build()].context : ".";
      if (m_conv.output_path != join_path(context, "Dockerfile")) cmd += " -f " + m_conv.output_path;
      cmd += " --target export --output . " + context;
    }
    m_conv.command = cmd;
  }

  // --- the residual script and the report of every step ---------------------------------------------
  void collect_steps() {
    std::string residual;
    bool keep_vars = false;
    for (const auto &b : m_model.builds) {
      bool runtime = m_runtime && &b == &m_model.builds[*m_runtime];
      bool builder = false;
      for (const auto &bb : m_builders) builder = builder || (bb.build && &m_model.builds[*bb.build] == &b);
      if (runtime && m_adopted_runtime) {
        continue;
      } else if (runtime) {
        m_conv.dropped.push_back({b.where, "runtime image build: replaced by the command above"});
      } else if (builder) {
        m_conv.dropped.push_back({b.where, "builder image build: now a stage of the merged Dockerfile"});
      } else {
        m_conv.leftover.push_back(b.where);
        residual += b.where.text + "\n";
        keep_vars = true;
      }
    }
    for (const auto &e : m_model.extractions) {
      if (std::find_if(m_renamed.begin(), m_renamed.end(), [&](const Extraction &r) { return r.where.line == e.where.line && r.host_path == e.host_path; }) != m_renamed.end()) continue;
      m_conv.dropped.push_back({e.where, std::string("extraction (") + via_name(e.via) + "): now COPY --from"});
    }
    size_t runtime_seq = m_runtime ? m_model.builds[*m_runtime].seq : 0;
    std::string vars;
    for (const auto &s : m_model.host_steps) {
      switch (s.kind) {
        case HostStep::Kind::Cleanup:
          m_conv.dropped.push_back({s.where, "container or artifact housekeeping: no container or host artifact exists any more"});
          break;
        case HostStep::Kind::Info:
          if (!s.where.text.empty() && s.where.text.find('=') != std::string::npos && s.where.text.find(' ') > s.where.text.find('=') &&
              s.where.text.find("docker") == std::string::npos) {
            vars += s.where.text + "\n";
          } else {
            m_conv.dropped.push_back({s.where, "shell bookkeeping (set, cd, echo, function call)"});
          }
          break;
        case HostStep::Kind::Publish:
        case HostStep::Kind::Other:
        case HostStep::Kind::Fetch:
        case HostStep::Kind::Modify:
        case HostStep::Kind::Move:
          if (s.seq > runtime_seq || s.kind == HostStep::Kind::Publish) {
            m_conv.leftover.push_back(s.where);
            residual += s.where.text + "\n";
            keep_vars = true;
          }
          break;
      }
    }
    std::sort(m_conv.leftover.begin(), m_conv.leftover.end(), [](const SourceRef &a, const SourceRef &b) { return a.line < b.line; });
    std::sort(m_conv.dropped.begin(), m_conv.dropped.end(), [](const DroppedStep &a, const DroppedStep &b) { return a.where.line < b.where.line; });
    std::string script = "#!/bin/sh\n# What " + m_conv.driver + " still does after `msmigrate convert` (the image builds are now one Dockerfile).\nset -e\n";
    if (keep_vars || m_conv.command.find('$') != std::string::npos) script += vars;
    if (!m_conv.command.empty()) script += m_conv.command + "\n";
    // Leftovers in driver order.
    residual.clear();
    for (const auto &l : m_conv.leftover) residual += l.text + "\n";
    script += residual;
    m_conv.residual_script = script;
    if (m_conv.driver_kind == "script" && m_conv.converted() && !m_conv.changes.empty()) {
      FileChange change;
      change.path = m_conv.driver;
      change.before = m_driver_text;
      change.after = script;
      change.fix.title = "Replace the driver by what it still has to do";
      change.fix.edits.push_back(edit::TextEdit{0, static_cast<uint32_t>(m_driver_text.size()), script});
      m_conv.changes.push_back(std::move(change));
    }
  }

  const ConvertOptions &m_options;
  fs::path m_root;
  Conversion m_conv;
  DriverModel m_model;
  std::string m_driver_text;
  std::vector<size_t> m_builder_builds;
  std::optional<size_t> m_runtime;
  std::vector<size_t> m_extra_runtime_builds;
  std::set<size_t> m_unrelated_builds;
  std::set<size_t> m_candidates;
  std::set<std::string> m_chained;
  std::vector<std::string> m_ci_expressions;
  std::vector<Builder> m_builders;
  std::vector<Extraction> m_renamed;
  std::vector<HostStep> m_copied_in;
  std::string m_runtime_text;
  std::unique_ptr<syntax::Document> m_runtime_doc;
  std::vector<edit::TextEdit> m_runtime_edits;
  std::vector<std::pair<uint32_t, std::string>> m_extra_lines;
  std::vector<std::string> m_export_lines;
  std::vector<std::string> m_command_args;
  bool m_needs_syntax = false;
  bool m_missing = false;  // a Dockerfile the driver builds is not there
  bool m_adopted_runtime = false;  // the runtime Dockerfile is one the driver never builds
  std::vector<std::pair<std::string, std::string>> m_top_directives;  // builders' directives the merged file starts with
};

}  // namespace

Conversion convert(const ConvertOptions &options) {
  Converter converter(options);
  return converter.run();
}

}  // namespace msm::builder_pattern
