// DL3010: a tar archive COPYed into the image and then extracted by a RUN: ADD extracts it
// without the archive staying in a layer.

#include <array>
#include <optional>

#include "lint/checks/checks.h"
#include "lint/checks/shell_rules.h"
#include "lint/checks/util.h"

namespace msm::lint::checks {

namespace {

// What ADD extracts: tar, optionally compressed with gzip, bzip2 or xz.
constexpr std::array<std::string_view, 8> k_archive_suffixes = {".tar", ".tar.gz", ".tgz", ".tar.bz2",
                                                                ".tbz2", ".tbz", ".tar.xz", ".txz"};

bool is_archive(std::string_view name) {
  std::string l = lower(name);
  for (std::string_view s : k_archive_suffixes) {
    if (l.size() > s.size() && l.compare(l.size() - s.size(), s.size(), s) == 0) return true;
  }
  return false;
}

std::string_view base_name(std::string_view path) {
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

struct Copied {
  size_t instruction = 0;
  syntax::Range source;     // the source argument of the COPY
  std::string file;         // base name of the archive in the image
  std::string source_name;  // as written in the COPY
};

const shell_rules::OptionSyntax k_tar = {
    .short_with_value = "fCTXbHKLNV",
    .long_with_value = {"--file", "--directory", "--files-from", "--exclude-from", "--blocking-factor", "--format",
                        "--owner", "--group", "--mode", "--transform", "--exclude", "--strip-components"},
    .two_letter_prefixes = "",
};;

// The archive `tar` extracts, if it does: `tar xzf a.tgz`, `tar -x -f a.tgz`, `tar --extract --file=a.tgz`.
std::optional<std::string> extracted_archive(const shell_rules::CommandAt &c) {
  const auto &words = c.command().words;
  if (c.program + 1 >= words.size()) return std::nullopt;
  // The old style: a first word of bundled letters without a dash (`tar xzf file`).
  std::string first = c.text(c.program + 1);
  if (!first.empty() && first[0] != '-') {
    if (first.find('x') == std::string::npos) return std::nullopt;
    size_t f = first.find('f');
    if (f == std::string::npos) return std::nullopt;
    // Letters taking a value take the following words in order; count those before `f`.
    size_t value_index = 0;
    for (size_t k = 0; k < f; ++k) {
      if (std::string_view("CTXbHKLNV").find(first[k]) != std::string_view::npos) ++value_index;
    }
    size_t word = c.program + 2 + value_index;
    if (word >= words.size()) return std::nullopt;
    return c.text(word);
  }
  auto opts = shell_rules::parse_options(c, k_tar);
  if (!opts.has("-x") && !opts.has("--extract") && !opts.has("--get")) return std::nullopt;
  const auto *file = opts.find("-f");
  if (!file) file = opts.find("--file");
  if (!file) return std::nullopt;
  return file->value;
}

}  // namespace

void copied_archive_extracted(Context &ctx) {
  const auto &doc = ctx.doc();
  // Each stage's instructions; a fragment without FROM (an editor's snippet) is read as one stage.
  struct Segment {
    size_t begin = 0, end = 0;
    std::optional<size_t> stage;
  };
  std::vector<Segment> segments;
  for (const auto &stage : ctx.graph().stages()) segments.push_back({stage.from_instruction + 1, stage.end_instruction, stage.index});
  if (segments.empty()) segments.push_back({0, doc.instructions().size(), std::nullopt});
  for (const auto &segment : segments) {
    std::vector<Copied> copied;
    for (size_t i = segment.begin; i < segment.end; ++i) {
      const auto &ins = doc.instructions()[i];
      // COPY --from copies from another image; ADD would not extract from there.
      if (!ins.is(syntax::InstructionKind::Copy) || ins.flag("from") || ins.json || ins.args.size() < 2 ||
          !ins.heredocs.empty()) {
        continue;
      }
      const std::string &dest = ins.args.back().value;
      bool into_dir = ins.args.size() > 2 || (!dest.empty() && dest.back() == '/') || dest == "." ;
      for (size_t a = 0; a + 1 < ins.args.size(); ++a) {
        const std::string &src = ins.args[a].value;
        if (src.find_first_of("*?[$") != std::string::npos || !is_archive(src)) continue;
        copied.push_back({i, ins.args[a].range, std::string(into_dir ? base_name(src) : base_name(dest)), src});
        // `COPY app.tar /srv/app` into a directory the image already has keeps the archive's name.
        if (!into_dir && base_name(dest) != base_name(src)) copied.push_back({i, ins.args[a].range, std::string(base_name(src)), src});
      }
    }
    if (copied.empty()) continue;
    std::vector<bool> reported(copied.size(), false);
    shell_rules::for_each_command(ctx, {"tar"}, [&](const shell_rules::CommandAt &c) {
      if (c.run.onbuild || c.run.stage != segment.stage) return;
      auto archive = extracted_archive(c);
      if (!archive || archive->empty() || archive->find('$') != std::string::npos) return;
      std::string_view name = base_name(*archive);
      for (size_t k = 0; k < copied.size(); ++k) {
        const Copied &cp = copied[k];
        if (reported[k] || cp.instruction >= c.run.instruction || cp.file != name) continue;
        // One finding per COPY source, whichever name matched.
        for (size_t j = 0; j < copied.size(); ++j) {
          if (copied[j].instruction == cp.instruction && copied[j].source == cp.source) reported[j] = true;
        }
        uint32_t line = doc.lines().position(c.word_range(c.program).start).line;
        ctx.report(cp.source,
                   "`" + cp.source_name + "` is copied and then extracted by `tar` (line " + std::to_string(line) +
                       "): `ADD` extracts a local archive without keeping it in a layer");
      }
    });
  }
}

}  // namespace msm::lint::checks
