# The layers of src/, enforced by the build.
#
# Each folder of src/ is one static library, msm_<folder>, declared in its own CMakeLists.txt
# with msm_layer(). A layer compiles against an include view, build/layers/<folder>/, that holds
# links to its own folder and to the folders of the layers it DEPENDS on (transitively) — and
# to nothing else. So `#include "lint/engine.h"` in src/syntax/ does not compile: an upward
# include fails the build, not a review.

# Our warnings, once (generated code does not get them).
add_library(msm_warnings INTERFACE)
target_compile_options(msm_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion)

# msm_layer(FOLDER SOURCES file... [DEPENDS layer...] [LINK library...])
function(msm_layer folder)
  cmake_parse_arguments(L "" "" "SOURCES;DEPENDS;LINK" ${ARGN})
  set(target msm_${folder})
  add_library(${target} STATIC ${L_SOURCES})
  target_link_libraries(${target} PRIVATE msm_warnings PUBLIC ${L_LINK})
  set(folders ${folder})
  foreach(dep IN LISTS L_DEPENDS)
    if(NOT TARGET msm_${dep})
      message(FATAL_ERROR "layer ${folder} depends on ${dep}, which is not declared before it")
    endif()
    target_link_libraries(${target} PUBLIC msm_${dep})
    get_property(dep_folders TARGET msm_${dep} PROPERTY MSM_FOLDERS)
    list(APPEND folders ${dep_folders})
  endforeach()
  list(REMOVE_DUPLICATES folders)
  set_property(TARGET ${target} PROPERTY MSM_FOLDERS ${folders})
  msm_include_view(${target} ${folder} ${folders})
endfunction()

# An include view: build/layers/NAME/<folder> -> src/<folder>, for each folder given.
function(msm_include_view target name)
  set(view ${CMAKE_BINARY_DIR}/layers/${name})
  file(REMOVE_RECURSE ${view})
  file(MAKE_DIRECTORY ${view})
  foreach(f IN LISTS ARGN)
    file(CREATE_LINK ${CMAKE_SOURCE_DIR}/src/${f} ${view}/${f} SYMBOLIC)
  endforeach()
  target_include_directories(${target} PRIVATE ${view})
endfunction()
