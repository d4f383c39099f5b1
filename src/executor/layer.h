#pragma once
// Layer tars: a directory (a whole rootfs, or an overlay upper dir with its whiteouts) written as
// a PAX tar with libarchive, hashed and gzip-compressed in one streaming pass; and the reverse,
// a layer blob extracted safely into a directory.

#include <cstdint>
#include <optional>
#include <string>

#include "executor/store.h"

struct archive;

namespace msm::executor {

// libarchive's message for the last error on `a`; libarchive may have none (a null pointer,
// which must never reach a std::string: found by fuzz/image_load).
std::string archive_error_text(archive *a);

enum class DiffMode {
  Full,          // every entry is content
  OverlayUpper,  // char 0/0 devices are whiteouts, trusted.overlay.opaque dirs are opaque
};

struct LayerOptions {
  int level = 1;                                // gzip level; 1 is several times faster than 6
  std::optional<int64_t> source_date_epoch;     // clamp mtimes (reproducible layers)
  size_t chunk_size = 8u << 20;                 // independent gzip members compressed in parallel
};

// Tars `dir`, stores the blob and its metadata, returns its descriptor.
LayerInfo write_layer(Store &store, const std::string &dir, DiffMode mode, const LayerOptions &options);

// True when the directory tree has no entries (an empty diff).
bool directory_is_empty(const std::string &dir);

enum class ExtractMode {
  OverlayLower,  // `.wh.x` becomes an overlay whiteout (char 0/0), `.wh..wh..opq` an opaque dir
  Plain,         // like `tar -x` (ADD, import)
};

// Extracts a (possibly compressed) tar into `dest` (an existing directory). Refuses absolute
// names and `..`, never writes through symlinks, skips device nodes, sockets and FIFOs from
// untrusted input (allow_devices=false). Throws msm::Error naming `source_name`.
// Returns the bytes of the uncompressed tar read.
uint64_t extract_layer_blob(const std::string &path, const std::string &dest, ExtractMode mode,
                            const std::string &source_name = "", bool allow_devices = false);

// The uncompressed tar of 1024 zero bytes that an image with no files gets as its one layer.
inline constexpr const char *k_empty_layer_diff_id =
    "sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef";

// Whether a file starts like a tar archive, possibly compressed (gzip, bzip2, xz, zstd).
bool is_tar_archive(const std::string &path);

}  // namespace msm::executor
