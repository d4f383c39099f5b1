// DL3020: ADD of local files or folders, where COPY says what happens (ADD also fetches URLs
// and git repositories and extracts local tar archives).

#include <array>
#include <filesystem>
#include <fstream>

#include "lint/checks/checks.h"
#include "lint/checks/util.h"

namespace msm::lint::checks {

namespace {

bool is_remote(std::string_view s) {
  for (std::string_view prefix : {"http://", "https://", "git@", "git://", "ssh://"}) {
    if (s.substr(0, prefix.size()) == prefix) return true;
  }
  return false;
}

// Names ADD may extract: tar archives, plain or compressed.
bool looks_like_archive(std::string_view s) {
  std::string name = lower(s);
  for (std::string_view ext : {".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz", ".tbz2", ".tar.xz", ".txz", ".tar.zst",
                               ".tzst", ".tar.lz", ".tar.lzma", ".gz", ".bz2", ".xz", ".zst", ".lz", ".lzma", ".z"}) {
    if (name.size() > ext.size() && name.compare(name.size() - ext.size(), ext.size(), ext) == 0) return true;
  }
  return false;
}

// Whether the source in the build context is a directory, or a file that does not start like a
// tar archive or a compressed stream (ADD extracts by content, not by name).
bool known_plain(const std::filesystem::path &dir, std::string_view source) {
  if (source.find_first_of("*?[") != std::string_view::npos) return false;
  std::error_code ec;
  std::filesystem::path p = dir / std::string(source);
  if (std::filesystem::is_directory(p, ec)) return true;
  if (!std::filesystem::is_regular_file(p, ec)) return false;
  std::ifstream in(p, std::ios::binary);
  std::array<unsigned char, 512> head{};
  in.read(reinterpret_cast<char *>(head.data()), head.size());
  size_t n = static_cast<size_t>(in.gcount());
  auto starts = [&](std::initializer_list<unsigned char> magic) {
    return n >= magic.size() && std::equal(magic.begin(), magic.end(), head.begin());
  };
  if (starts({0x1f, 0x8b}) || starts({'B', 'Z', 'h'}) || starts({0xfd, '7', 'z', 'X', 'Z', 0}) ||
      starts({0x28, 0xb5, 0x2f, 0xfd}) || starts({'L', 'Z', 'I', 'P'}) || starts({0x5d, 0, 0})) {
    return false;
  }
  return !(n >= 262 && std::string_view(reinterpret_cast<const char *>(head.data()) + 257, 5) == "ustar");
}

}  // namespace

void add_instead_of_copy(Context &ctx) {
  for_each_with_triggers(ctx.doc(), [&](size_t i, const syntax::Instruction &ins) {
    if (!ins.is(syntax::InstructionKind::Add) || ins.args.size() < 2 || !ins.heredocs.empty()) return;
    // Flags only ADD has mean remote sources or extraction choices.
    for (const char *flag : {"checksum", "keep-git-dir", "unpack"}) {
      if (ins.flag(flag)) return;
    }
    bool all_known_plain = ctx.directory().has_value();
    const syntax::Argument *plain = nullptr;
    for (size_t s = 0; s + 1 < ins.args.size(); ++s) {
      auto source = resolved(ctx, i, ins.args[s].value);
      if (!source) return;  // unknown: it may be a URL
      if (is_remote(*source) || looks_like_archive(*source)) {
        all_known_plain = false;
        continue;
      }
      if (!plain) plain = &ins.args[s];
      if (all_known_plain && !known_plain(*ctx.directory(), *source)) all_known_plain = false;
    }
    if (!plain) return;
    std::optional<edit::Fix> fix;
    bool only_plain = true;
    for (size_t s = 0; s + 1 < ins.args.size(); ++s) {
      auto source = resolved(ctx, i, ins.args[s].value);
      if (is_remote(*source) || looks_like_archive(*source)) only_plain = false;
    }
    if (only_plain && &ins == &ctx.doc().instructions()[i]) {
      std::string keyword = has_lower(ins.keyword) && !has_upper(ins.keyword) ? "copy" : "COPY";
      fix = edit::Fix{"Use COPY", all_known_plain ? edit::Applicability::Safe : edit::Applicability::Unsafe,
                      {{ins.keyword_range.start, ins.keyword_range.end, keyword}}};
    }
    ctx.report(ctx.doc().instructions()[i].keyword_range,
               "Use COPY instead of ADD for files and folders (`" + plain->value + "`)", std::move(fix));
  });
}

}  // namespace msm::lint::checks
