#pragma once
// One function per C++ check; each lives in its own file in this folder.

#include "lint/context.h"

namespace msm::lint::checks {

void inline_ignore_pragma(Context &ctx); // DL1001
void system_command_in_run(Context &ctx);        // DL3001
void root_user(Context &ctx);      // DL3002
void cd_instead_of_workdir(Context &ctx);        // DL3003
void sudo_in_run(Context &ctx);                  // DL3004
void untagged_base_image(Context &ctx); // DL3006
void latest_tag(Context &ctx);     // DL3007
void unpinned_apt_get_install(Context &ctx);     // DL3008
void apt_lists_not_removed(Context &ctx);        // DL3009
void copied_archive_extracted(Context &ctx);     // DL3010
void expose_port_range(Context &ctx); // DL3011
void unpinned_pip_install(Context &ctx);         // DL3013
void apt_get_without_yes(Context &ctx);          // DL3014
void apt_get_install_recommends(Context &ctx);   // DL3015
void unpinned_npm_install(Context &ctx);         // DL3016
void unpinned_apk_add(Context &ctx);             // DL3018
void apk_add_without_no_cache(Context &ctx);     // DL3019
void add_instead_of_copy(Context &ctx); // DL3020
void copy_multiple_sources_dest(Context &ctx); // DL3021
void untrusted_registry(Context &ctx); // DL3026
void apt_instead_of_apt_get(Context &ctx);       // DL3027
void unpinned_gem_install(Context &ctx);         // DL3028
void yum_without_yes(Context &ctx);              // DL3030
void yum_cache_not_cleaned(Context &ctx);        // DL3032
void unpinned_yum_install(Context &ctx);         // DL3033
void zypper_without_non_interactive(Context &ctx);  // DL3034
void zypper_dist_upgrade(Context &ctx);          // DL3035
void zypper_cache_not_cleaned(Context &ctx);     // DL3036
void unpinned_zypper_install(Context &ctx);      // DL3037
void dnf_without_yes(Context &ctx);              // DL3038
void dnf_cache_not_cleaned(Context &ctx);        // DL3040
void unpinned_dnf_install(Context &ctx);         // DL3041
void pip_install_with_cache(Context &ctx);       // DL3042
void onbuild_trigger_disallowed(Context &ctx); // DL3043
void env_self_reference(Context &ctx); // DL3044
void copy_relative_without_workdir(Context &ctx); // DL3045
void useradd_high_uid(Context &ctx);             // DL3046
void wget_without_progress(Context &ctx);        // DL3047
void invalid_label_key(Context &ctx); // DL3048
void missing_label(Context &ctx);  // DL3049
void label_not_in_schema(Context &ctx); // DL3050
void empty_label(Context &ctx);    // DL3051
void url_label(Context &ctx);      // DL3052
void time_label(Context &ctx);     // DL3053
void spdx_label(Context &ctx);     // DL3054
void hash_label(Context &ctx);     // DL3055
void semver_label(Context &ctx);   // DL3056
void missing_healthcheck(Context &ctx); // DL3057
void email_label(Context &ctx);    // DL3058
void consecutive_run(Context &ctx); // DL3059
void yarn_cache_not_cleaned(Context &ctx);       // DL3060
void instruction_before_from(Context &ctx); // DL3061
void unpinned_go_install(Context &ctx);          // DL3062
void non_numeric_user(Context &ctx); // DL3066
void copy_entire_filesystem(Context &ctx); // DL3067
void wget_and_curl(Context &ctx);                // DL4001
void link_bin_sh(Context &ctx);                  // DL4005
void pipe_without_pipefail(Context &ctx);        // DL4006
void syntax_error(Context &ctx);              // MSM1001
void unknown_instruction(Context &ctx);       // MSM1002
void unknown_flag(Context &ctx);              // MSM1003
void invalid_exec_form(Context &ctx);         // MSM1004
void empty_continuation(Context &ctx);        // MSM1005
void stage_name_casing(Context &ctx);         // MSM1006
void from_as_casing(Context &ctx);            // MSM1007
void instruction_casing(Context &ctx);        // MSM1008
void duplicate_stage_name(Context &ctx);      // MSM1009
void reserved_stage_name(Context &ctx);       // MSM1010
void json_args_recommended(Context &ctx);     // MSM1011
void maintainer_deprecated(Context &ctx);     // MSM1012
void undefined_arg_in_from(Context &ctx);     // MSM1013
void workdir_relative_path(Context &ctx);     // MSM1014
void undefined_var(Context &ctx);             // MSM1015
void multiple_instructions(Context &ctx);     // MSM1016
void legacy_key_value(Context &ctx);          // MSM1017
void redundant_target_platform(Context &ctx); // MSM1018
void secrets_in_arg_or_env(Context &ctx);     // MSM1019
void invalid_default_arg_in_from(Context &ctx);  // MSM1020
void from_platform_const(Context &ctx);       // MSM1021
void copy_ignored_file(Context &ctx);         // MSM1022
void expose_proto_casing(Context &ctx);       // MSM1023
void expose_invalid_format(Context &ctx);     // MSM1024
void invalid_arguments(Context &ctx);         // MSM1025
void unused_stage(Context &ctx);              // MSM3001
void stage_referenced_by_index(Context &ctx); // MSM3002
void undefined_stage_reference(Context &ctx); // MSM3003
void sdk_final_stage(Context &ctx);           // MSM3004
void copy_before_install(Context &ctx);       // MSM3005
void builder_pattern_layout(Context &ctx);    // MSM3006

}  // namespace msm::lint::checks
