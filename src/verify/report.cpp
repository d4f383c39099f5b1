#include "verify/report.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "util/escape.h"

namespace msm::verify {

namespace {

using Json = nlohmann::ordered_json;

std::string seconds_text(const std::optional<double> &s) {
  if (!s) return "not measured";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f s", *s);
  return buf;
}

std::string image_text(const std::optional<ImageFigures> &f) {
  if (!f) return "-";
  return human_bytes(f->uncompressed) + " (" + human_bytes(f->compressed) + " gzipped)";
}

const char *kind_name(PathDifference::Kind k) {
  switch (k) {
    case PathDifference::Kind::OnlyOld: return "only-old";
    case PathDifference::Kind::OnlyNew: return "only-new";
    case PathDifference::Kind::Changed: break;
  }
  return "changed";
}

std::string verdict_line(const VerifyResult &r) {
  if (r.verdict == "verified") {
    return "verified: the converted Dockerfile builds the same runtime image (" + std::to_string(r.files ? r.files->identical : 0) +
           " files identical, config identical)";
  }
  if (r.verdict == "refused") return "not verified: convert refused this project (reasons above)";
  if (r.verdict == "failed") return "not verified: a build step failed: " + r.failure;
  size_t n = (r.files ? r.files->differences.size() : 0);
  size_t c = r.config.size();
  return "DIFFERENT: " + std::to_string(n) + " file difference" + (n == 1 ? "" : "s") + ", " + std::to_string(c) + " config difference" +
         (c == 1 ? "" : "s");
}

Json figures_json(const std::optional<ImageFigures> &f) {
  if (!f) return nullptr;
  return Json{{"reference", f->reference}, {"id", f->id}, {"layers", f->layers}, {"compressed_bytes", f->compressed},
              {"uncompressed_bytes", f->uncompressed}};
}

Json seconds_json(const std::optional<double> &s) { return s ? Json(std::round(*s * 1000) / 1000) : Json(nullptr); }

std::string config_value_text(const Json &v) { return v.is_null() ? "(not set)" : v.dump(); }

// "golang:1.16 sha256:… from 127.0.0.1:5443 (mirror), 12.3 MB fetched"
std::string pulled_text(const PulledImage &p) {
  return p.reference + " " + p.digest + " from " + p.registry + (p.mirror ? " (mirror)" : "") + ", " + human_bytes(p.bytes) + " fetched";
}

}  // namespace

std::string human_bytes(uint64_t bytes) {
  char buf[32];
  if (bytes < 1000) std::snprintf(buf, sizeof buf, "%llu B", static_cast<unsigned long long>(bytes));
  else if (bytes < 1000 * 1000) std::snprintf(buf, sizeof buf, "%.1f kB", static_cast<double>(bytes) / 1e3);
  else if (bytes < 1000ull * 1000 * 1000) std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / 1e6);
  else std::snprintf(buf, sizeof buf, "%.2f GB", static_cast<double>(bytes) / 1e9);
  return buf;
}

std::string render_table(const VerifyResult &r) {
  std::ostringstream out;
  out << "msmigrate verify " << r.project << " (engine: " << r.engine << ")\n";
  for (const auto &line : r.refusals) out << "  " << line << "\n";
  std::vector<std::array<std::string, 3>> rows;
  std::string build_images;
  for (const auto &b : r.build_images) build_images += (build_images.empty() ? "" : " + ") + image_text(b);
  rows.push_back({"", "old flow", "new flow"});
  rows.push_back({"build image", build_images.empty() ? "-" : build_images, "(a stage: not kept as an image)"});
  rows.push_back({"runtime image", image_text(r.old_runtime), image_text(r.new_image)});
  rows.push_back({"runtime layers", r.old_runtime ? std::to_string(r.old_runtime->layers) : "-", r.new_image ? std::to_string(r.new_image->layers) : "-"});
  rows.push_back({"disk kept (tagged images)", r.old_runtime ? human_bytes(r.old_disk) + " (with " + human_bytes(r.artifact_bytes) + " of artifacts)" : "-",
                  r.new_image ? human_bytes(r.new_disk) : "-"});
  rows.push_back({"build time, cold", seconds_text(r.old_cold), seconds_text(r.new_cold)});
  if (!r.edited_file.empty()) rows.push_back({"rebuild after editing " + r.edited_file, seconds_text(r.old_edit), seconds_text(r.new_edit)});
  if (r.files) {
    rows.push_back({"runtime files", std::to_string(r.files->old_entries) + " entries",
                    std::to_string(r.files->new_entries) + " entries, " + std::to_string(r.files->identical) + " identical"});
  }
  if (r.files) rows.push_back({"config", r.config_equal ? "identical" : std::to_string(r.config.size()) + " field(s) differ", ""});
  if (r.verdict != "refused") {
    size_t w0 = 0, w1 = 0;
    for (const auto &row : rows) {
      w0 = std::max(w0, row[0].size());
      w1 = std::max(w1, row[1].size());
    }
    out << "\n";
    for (const auto &row : rows) {
      std::string line = "  " + row[0] + std::string(w0 - row[0].size() + 3, ' ') + row[1] + std::string(w1 - row[1].size() + 3, ' ') + row[2];
      while (line.back() == ' ') line.pop_back();
      out << line << "\n";
    }
  }
  if (r.files && !r.files->differences.empty()) {
    out << "\nfile differences (old image → new image):\n";
    for (const auto &d : r.files->differences) out << "  " << describe(d) << "\n";
  }
  if (!r.config.empty()) {
    out << "\nconfig differences:\n";
    for (const auto &d : r.config) {
      out << "  " << d.field << ": " << config_value_text(d.old_value) << " → " << config_value_text(d.new_value) << "\n";
    }
  }
  for (const auto &p : r.pulled) out << "pulled: " << pulled_text(p) << "\n";
  for (const auto &n : r.notes) out << "note: " << n << "\n";
  if (!r.log_tail.empty()) out << "\nlast lines of the build log:\n" << r.log_tail << "\n";
  out << "\n" << verdict_line(r) << "\n";
  return out.str();
}

Json render_json(const VerifyResult &r) {
  Json j;
  j["version"] = 1;
  j["project"] = r.project;
  j["engine"] = r.engine;
  j["verdict"] = r.verdict;
  j["failure"] = r.failure.empty() ? Json(nullptr) : Json(r.failure);
  j["log_tail"] = r.log_tail.empty() ? Json(nullptr) : Json(r.log_tail);
  j["refusals"] = r.refusals;
  Json builds = Json::array();
  for (const auto &b : r.build_images) builds.push_back(figures_json(b));
  j["images"] = {{"build", builds}, {"old_runtime", figures_json(r.old_runtime)}, {"new_final", figures_json(r.new_image)}};
  j["disk"] = {{"artifacts_bytes", r.artifact_bytes}, {"old_bytes", r.old_disk}, {"new_bytes", r.new_disk}};
  j["times"] = {{"old_cold_s", seconds_json(r.old_cold)}, {"new_cold_s", seconds_json(r.new_cold)},
                {"edited_file", r.edited_file.empty() ? Json(nullptr) : Json(r.edited_file)},
                {"old_after_edit_s", seconds_json(r.old_edit)}, {"new_after_edit_s", seconds_json(r.new_edit)}};
  if (r.files) {
    Json diffs = Json::array();
    for (const auto &d : r.files->differences) {
      Json fields = Json::array();
      for (const auto &f : d.fields) fields.push_back({{"field", f.field}, {"old", f.old_value}, {"new", f.new_value}});
      diffs.push_back({{"path", d.path}, {"kind", kind_name(d.kind)}, {"fields", fields}, {"text", describe(d)}});
    }
    j["files"] = {{"old_entries", r.files->old_entries}, {"new_entries", r.files->new_entries}, {"identical", r.files->identical},
                  {"old_tree_digest", r.files->old_digest}, {"new_tree_digest", r.files->new_digest}, {"differences", diffs}};
  } else {
    j["files"] = nullptr;
  }
  Json config = Json::array();
  for (const auto &d : r.config) {
    config.push_back({{"field", d.field}, {"old", d.old_value}, {"new", d.new_value}});
  }
  j["config"] = {{"equal", r.config_equal}, {"differences", config}};
  Json steps = Json::array();
  for (const auto &s : r.steps) {
    steps.push_back({{"flow", s.flow}, {"what", s.what}, {"at", s.at}, {"run", s.run}, {"seconds", s.run ? seconds_json(s.seconds) : Json(nullptr)},
                     {"note", s.note.empty() ? Json(nullptr) : Json(s.note)}});
  }
  j["steps"] = steps;
  Json pulled = Json::array();
  for (const auto &p : r.pulled) {
    pulled.push_back({{"reference", p.reference}, {"digest", p.digest}, {"registry", p.registry}, {"mirror", p.mirror}, {"bytes", p.bytes}});
  }
  j["pulled"] = pulled;
  j["notes"] = r.notes;
  return j;
}

std::string render_html(const VerifyResult &r) {
  std::ostringstream h;
  h << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>msmigrate verify: " << util::escape_markup(r.project) << "</title>\n"
    << "<style>\n"
       "body{font-family:system-ui,sans-serif;margin:24px;color:#222;max-width:1400px}\n"
       "h1{font-size:22px}h2{font-size:18px;margin-top:28px;border-bottom:1px solid #ddd}\n"
       ".verdict{padding:10px 14px;border-radius:6px;font-weight:600}\n"
       ".verified{background:#e3f6e5;color:#14612a}.different,.failed,.refused{background:#fde8e8;color:#9b1c1c}\n"
       "table{border-collapse:collapse}td,th{padding:4px 10px;border-bottom:1px solid #eee;text-align:left;vertical-align:top}\n"
       ".side{display:grid;grid-template-columns:1fr 1fr;gap:18px}.side>div{min-width:0}\n"
       "pre{background:#f6f8fa;padding:10px;overflow:auto;font-size:12.5px;border-radius:4px}\n"
       ".only-old{color:#9b1c1c}.only-new{color:#1d4ed8}.changed{color:#92400e}.same{color:#555}\n"
       "</style></head><body>\n";
  h << "<h1>msmigrate verify: " << util::escape_markup(r.project) << " <small>(engine: " << util::escape_markup(r.engine) << ")</small></h1>\n";
  h << "<p id=\"verdict\" class=\"verdict " << util::escape_markup(r.verdict) << "\">" << util::escape_markup(verdict_line(r)) << "</p>\n";
  if (!r.log_tail.empty()) h << "<h2>Build log (last lines)</h2><pre id=\"log-tail\">" << util::escape_markup(r.log_tail) << "</pre>\n";
  for (const auto &ref : r.refusals) h << "<p class=\"refused\">" << util::escape_markup(ref) << "</p>\n";

  h << "<h2>Summary</h2>\n<table id=\"summary\"><tr><th></th><th>old flow</th><th>new flow</th></tr>\n";
  std::string builds;
  for (const auto &b : r.build_images) builds += (builds.empty() ? "" : " + ") + image_text(b);
  auto row = [&](const std::string &a, const std::string &b, const std::string &c) {
    h << "<tr><th>" << util::escape_markup(a) << "</th><td>" << util::escape_markup(b) << "</td><td>" << util::escape_markup(c) << "</td></tr>\n";
  };
  row("build image", builds.empty() ? "-" : builds, "a stage of the final build");
  row("runtime image", image_text(r.old_runtime), image_text(r.new_image));
  row("disk kept (tagged images + artifacts)", human_bytes(r.old_disk), human_bytes(r.new_disk));
  row("build time, cold", seconds_text(r.old_cold), seconds_text(r.new_cold));
  if (!r.edited_file.empty()) row("rebuild after editing " + r.edited_file, seconds_text(r.old_edit), seconds_text(r.new_edit));
  if (r.files) row("runtime files", std::to_string(r.files->old_entries), std::to_string(r.files->new_entries) + " (" + std::to_string(r.files->identical) + " identical)");
  row("config", r.config_equal ? "identical" : "differs", "");
  h << "</table>\n";

  // The chart: one bar per size, on one linear scale, the value printed beside each bar.
  std::vector<std::pair<std::string, uint64_t>> bars;
  for (const auto &b : r.build_images) bars.push_back({"build image " + b.reference, b.uncompressed});
  if (r.old_runtime) {
    bars.push_back({"old runtime image", r.old_runtime->uncompressed});
    bars.push_back({"old runtime, gzipped", r.old_runtime->compressed});
  }
  if (r.new_image) {
    bars.push_back({"new final image", r.new_image->uncompressed});
    bars.push_back({"new final, gzipped", r.new_image->compressed});
  }
  bars.push_back({"disk, old flow", r.old_disk});
  bars.push_back({"disk, new flow", r.new_disk});
  uint64_t max = 1;
  for (const auto &b : bars) max = std::max(max, b.second);
  const int bar_h = 24, label_w = 230, plot_w = 520;
  h << "<h2>Sizes</h2>\n<svg id=\"size-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" << label_w + plot_w + 110 << "\" height=\""
    << bars.size() * (bar_h + 8) + 10 << "\" role=\"img\" aria-label=\"image sizes\">\n";
  for (size_t i = 0; i < bars.size(); ++i) {
    int y = static_cast<int>(i) * (bar_h + 8) + 5;
    double w = std::max(2.0, static_cast<double>(bars[i].second) / static_cast<double>(max) * plot_w);
    bool old_side = bars[i].first.find("old") != std::string::npos || bars[i].first.starts_with("build");
    h << "<text x=\"0\" y=\"" << y + 16 << "\" font-size=\"13\">" << util::escape_markup(bars[i].first) << "</text>"
      << "<rect class=\"bar\" x=\"" << label_w << "\" y=\"" << y << "\" width=\"" << static_cast<int>(w) << "\" height=\"" << bar_h << "\" fill=\""
      << (old_side ? "#c2410c" : "#15803d") << "\"/>"
      << "<text x=\"" << label_w + static_cast<int>(w) + 6 << "\" y=\"" << y + 16 << "\" font-size=\"13\">" << human_bytes(bars[i].second) << "</text>\n";
  }
  h << "</svg>\n";

  h << "<h2>Before and after</h2>\n<div class=\"side\"><div id=\"old-dockerfiles\"><h3>Old: driver and Dockerfiles</h3>\n";
  for (const auto &f : r.old_files) {
    h << "<h4>" << util::escape_markup(f.name) << "</h4><pre class=\"old-file\">" << util::escape_markup(f.text) << "</pre>\n";
  }
  h << "</div><div id=\"new-dockerfile\"><h3>New: " << util::escape_markup(r.new_dockerfile.name) << "</h3><pre class=\"new-file\">"
    << util::escape_markup(r.new_dockerfile.text) << "</pre></div></div>\n";

  h << "<h2>Runtime file tree</h2>\n<div id=\"tree-diff\">\n";
  if (r.files) {
    if (r.files->differences.empty()) {
      h << "<p class=\"same\">All " << r.files->identical
        << " entries are identical (path, type, mode, owner, size, content digest, symlink target).</p>\n";
    } else {
      h << "<table id=\"tree-differences\"><tr><th>path</th><th>difference</th></tr>\n";
      for (const auto &d : r.files->differences) {
        std::string what = d.kind == PathDifference::Kind::OnlyOld ? "only in the old image" : d.kind == PathDifference::Kind::OnlyNew ? "only in the new image" : "";
        for (const auto &f : d.fields) what += (what.empty() ? "" : "; ") + f.field + ": " + f.old_value + " → " + f.new_value;
        h << "<tr class=\"" << kind_name(d.kind) << "\"><td><code>" << util::escape_markup(d.path) << "</code></td><td>" << util::escape_markup(what) << "</td></tr>\n";
      }
      h << "</table>\n";
    }
    h << "<details><summary>Every entry of the new image (" << r.new_tree.size() << ")</summary><pre>";
    for (const auto &[path, e] : r.new_tree) {
      h << util::escape_markup(e.type) << " " << mode_text(e.mode) << " " << e.uid << ":" << e.gid << " " << util::escape_markup(path);
      if (e.type == "file") h << " " << e.size << " " << e.digest.substr(0, 19);
      if (e.type == "symlink") h << " → " << util::escape_markup(e.link_target);
      h << "\n";
    }
    h << "</pre></details>\n";
  } else {
    h << "<p>Not compared: " << util::escape_markup(r.verdict) << ".</p>\n";
  }
  h << "</div>\n";
  if (!r.config.empty()) {
    h << "<h2>Config differences</h2><table id=\"config-differences\">";
    for (const auto &d : r.config) {
      h << "<tr><th>" << util::escape_markup(d.field) << "</th><td>" << util::escape_markup(config_value_text(d.old_value)) << "</td><td>"
        << util::escape_markup(config_value_text(d.new_value)) << "</td></tr>\n";
    }
    h << "</table>\n";
  }
  if (!r.pulled.empty()) {
    h << "<h2>Images pulled</h2>\n<table id=\"pulled\"><tr><th>image</th><th>digest</th><th>from</th><th>fetched</th></tr>\n";
    for (const auto &p : r.pulled) {
      h << "<tr><td><code>" << util::escape_markup(p.reference) << "</code></td><td><code>" << util::escape_markup(p.digest) << "</code></td><td>"
        << util::escape_markup(p.registry) << (p.mirror ? " (mirror)" : "") << "</td><td>" << human_bytes(p.bytes) << "</td></tr>\n";
    }
    h << "</table>\n";
  }
  h << "<h2>Steps</h2>\n<table id=\"steps\"><tr><th>flow</th><th>step</th><th>at</th><th>time</th></tr>\n";
  for (const auto &s : r.steps) {
    h << "<tr><td>" << util::escape_markup(s.flow) << "</td><td><code>" << util::escape_markup(s.what) << "</code>" << (s.note.empty() ? "" : " <em>(" + util::escape_markup(s.note) + ")</em>")
      << "</td><td>" << util::escape_markup(s.at) << "</td><td>" << (s.run ? seconds_text(s.seconds) : "not run") << "</td></tr>\n";
  }
  h << "</table>\n</body></html>\n";
  return h.str();
}

}  // namespace msm::verify
