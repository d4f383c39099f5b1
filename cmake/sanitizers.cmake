# Sanitizer and fuzzing builds (a separate build directory, e.g. build-asan; see scripts/fuzz.sh).
#
# MSM_SANITIZE: everything (libraries, tools, tests) with AddressSanitizer + UndefinedBehavior-
# Sanitizer; any report aborts the process, so a test that triggers one fails.
# MSM_FUZZ (clang only, implies MSM_SANITIZE): every library also gets libFuzzer's coverage
# instrumentation, and fuzz/ adds one libFuzzer target per input surface.
option(MSM_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(MSM_FUZZ "Build the libFuzzer targets of fuzz/ (clang; implies MSM_SANITIZE)" OFF)

if(MSM_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "MSM_FUZZ needs clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_C_COMPILER=clang")
  endif()
  set(MSM_SANITIZE ON)
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()

if(MSM_SANITIZE)
  # -O1 and line tables: what sanitizers and libFuzzer recommend (readable stacks, fast enough),
  # and half the compile time of RelWithDebInfo.
  add_compile_options(-O1 -gline-tables-only)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()
