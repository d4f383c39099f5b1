# Third-party libraries, all from Debian 12's packages (and tree-sitter-bash from the npm
# registry, pinned by package-lock.json).
find_package(CLI11 REQUIRED)
find_package(doctest REQUIRED)
find_package(nlohmann_json REQUIRED)
find_package(Threads REQUIRED)

# Start-up time matters (editors lint on every save): libraries that ship a static archive are
# linked statically, so the loader maps and relocates a few small shared objects, not twenty.
# libarchive's static archive references every format writer from one table, xar included (and
# with it libxml2 and ICU, the heaviest of all); --gc-sections drops that unreferenced table.
function(msm_static_library target file)
  find_library(${target}_ARCHIVE NAMES ${file} REQUIRED)
  add_library(${target} STATIC IMPORTED)
  set_target_properties(${target} PROPERTIES IMPORTED_LOCATION ${${target}_ARCHIVE})
  target_link_libraries(${target} INTERFACE ${ARGN})
endfunction()
msm_static_library(msm_tree_sitter_static libtree-sitter.a)
msm_static_library(msm_yaml_cpp_static libyaml-cpp.a)
# libarchive's codecs and helpers are static too: each shared object the loader maps costs page
# faults and symbol look-ups on every start (the 7 codec libraries were 60% of `--version`'s instructions).
# Only libc and libm stay shared (and libcurl.so.4, dlopen()ed by the registry commands).
foreach(codec nettle acl lzma zstd lz4 bz2 z)
  msm_static_library(msm_${codec}_static lib${codec}.a)
endforeach()
msm_static_library(msm_archive_static libarchive.a msm_nettle_static msm_acl_static msm_lzma_static
                   msm_zstd_static msm_lz4_static msm_bz2_static msm_z_static)
target_link_options(msm_archive_static INTERFACE -Wl,--gc-sections)
msm_static_library(msm_crypto_static libcrypto.a dl Threads::Threads)
msm_static_library(msm_deflate_static libdeflate.a)

# tree-sitter-bash comes from the npm registry (installed by scripts/setup.sh into
# node_modules/); it is the shell parser for RUN bodies and scripts. Generated C: its warnings
# are not ours.
set(MSM_BASH_GRAMMAR_DIR ${CMAKE_SOURCE_DIR}/node_modules/tree-sitter-bash/src)
if(NOT EXISTS ${MSM_BASH_GRAMMAR_DIR}/parser.c)
  message(FATAL_ERROR "tree-sitter-bash is missing: run scripts/setup.sh (it runs `npm ci`)")
endif()
add_library(msm_bash_grammar STATIC ${MSM_BASH_GRAMMAR_DIR}/parser.c ${MSM_BASH_GRAMMAR_DIR}/scanner.c)
target_include_directories(msm_bash_grammar PRIVATE ${MSM_BASH_GRAMMAR_DIR})
target_compile_options(msm_bash_grammar PRIVATE -w)
