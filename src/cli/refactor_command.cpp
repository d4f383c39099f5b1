// `msmigrate refactor name-stages|reorder-copies FILE [--diff|--write]`: the refactors as
// one fix each, printed (default), diffed, or written in place.

#include <iostream>
#include <memory>

#include "cli/cli.h"
#include "edit/edit.h"
#include "refactor/name_stages.h"
#include "refactor/reorder_copies.h"
#include "syntax/document.h"
#include "util/error.h"
#include "util/files.h"

namespace msm::cli {

namespace {

struct RefactorArgs {
  std::string file;
  bool diff = false;
  bool write = false;
  bool check = false;
};

void add_common(CLI::App *cmd, RefactorArgs &args) {
  cmd->add_option("file", args.file, "Dockerfile to refactor, or - for stdin")->required();
  cmd->add_flag("--diff", args.diff, "Print a unified diff instead of the new file");
  cmd->add_flag("--write", args.write, "Rewrite the file in place (atomically)");
  cmd->add_flag("--check", args.check, "Exit 1 when the refactor would change the file; print nothing else");
}

std::unique_ptr<syntax::Document> load(const RefactorArgs &args) {
  if (args.write && args.file == "-") throw Error("--write needs a file, not standard input");
  std::string source = util::read_input(args.file);
  auto doc = syntax::Document::parse(std::move(source), args.file == "-" ? "<stdin>" : args.file);
  if (!doc->problems().empty()) {
    const auto &p = doc->problems().front();
    syntax::Position pos = doc->lines().position(p.range.start);
    throw Error(doc->path() + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column) + ": " + p.message +
                " (fix the parse error before refactoring)");
  }
  return doc;
}

int finish(const RefactorArgs &args, const syntax::Document &doc, const edit::Fix &fix) {
  auto after = edit::apply_edits(doc.source(), fix.edits);
  if (!after) throw Error(doc.path() + ": internal error: the refactor's edits overlap");
  // A refactor must never turn a clean file into one BuildKit rejects.
  auto check = syntax::Document::parse(*after, doc.path());
  if (!check->problems().empty()) throw Error(doc.path() + ": internal error: the refactored file would not parse; nothing written");
  bool changed = *after != doc.source();
  if (args.check) return changed ? k_exit_findings : k_exit_ok;
  if (args.diff) {
    std::cout << edit::unified_diff(doc.source(), *after, "a/" + doc.path(), "b/" + doc.path());
  } else if (!args.write) {
    std::cout << *after;
  }
  if (args.write && changed) {
    util::write_atomically(args.file, *after);
    std::cerr << "msmigrate: wrote " << args.file << "\n";
  }
  return k_exit_ok;
}

}  // namespace

void register_refactor(CLI::App &app, int &exit_code) {
  auto *refactor = app.add_subcommand("refactor", "Refactor one Dockerfile (name-stages, reorder-copies)");
  refactor->require_subcommand(1);

  auto names = std::make_shared<RefactorArgs>();
  auto *name_cmd = refactor->add_subcommand("name-stages", "Name every unnamed stage that is referenced by index, rewriting all references");
  add_common(name_cmd, *names);
  name_cmd->callback([names, &exit_code] {
    auto doc = load(*names);
    auto result = refactor::name_stages(*doc);
    for (const auto &n : result.named) {
      if (!names->check) {
        std::cerr << doc->path() << ": stage " << n.stage << " -> `" << n.name << "` (" << n.role << " stage, " << n.references
                  << " reference" << (n.references == 1 ? "" : "s") << ")\n";
      }
    }
    exit_code = finish(*names, *doc, result.fix);
  });

  auto reorder = std::make_shared<RefactorArgs>();
  auto *reorder_cmd = refactor->add_subcommand("reorder-copies", "Move volatile COPYs after slow, stable steps when nothing in between reads them");
  add_common(reorder_cmd, *reorder);
  reorder_cmd->callback([reorder, &exit_code] {
    auto doc = load(*reorder);
    auto result = refactor::reorder_copies(*doc);
    if (!reorder->check) {
      for (const auto &m : result.moves) {
        syntax::Position pos = doc->lines().position(m.range.start);
        std::cerr << doc->path() << ":" << pos.line << ": " << (m.moved ? "moved: " : "kept: ") << m.reason << "\n";
      }
    }
    exit_code = finish(*reorder, *doc, result.fix);
  });
}

}  // namespace msm::cli
