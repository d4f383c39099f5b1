// The one explicit list of checks, sorted by code. tests/unit/test_lint_registry.cpp checks that
// it names exactly the rules in rules/*.yaml.

#include "lint/checks/checks.h"
#include "lint/context.h"

namespace msm::lint {

const std::vector<CheckRegistration> &registered_checks() {
  static const std::vector<CheckRegistration> k_checks = {
      {"DL3001", checks::system_command_in_run},
      {"DL3003", checks::cd_instead_of_workdir},
      {"DL3004", checks::sudo_in_run},
      {"DL3008", checks::unpinned_apt_get_install},
      {"DL3009", checks::apt_lists_not_removed},
      {"DL3010", checks::copied_archive_extracted},
      {"DL3013", checks::unpinned_pip_install},
      {"DL3014", checks::apt_get_without_yes},
      {"DL3015", checks::apt_get_install_recommends},
      {"DL3016", checks::unpinned_npm_install},
      {"DL3018", checks::unpinned_apk_add},
      {"DL3019", checks::apk_add_without_no_cache},
      {"DL3027", checks::apt_instead_of_apt_get},
      {"DL3028", checks::unpinned_gem_install},
      {"DL3030", checks::yum_without_yes},
      {"DL3032", checks::yum_cache_not_cleaned},
      {"DL3033", checks::unpinned_yum_install},
      {"DL3034", checks::zypper_without_non_interactive},
      {"DL3035", checks::zypper_dist_upgrade},
      {"DL3036", checks::zypper_cache_not_cleaned},
      {"DL3037", checks::unpinned_zypper_install},
      {"DL3038", checks::dnf_without_yes},
      {"DL3040", checks::dnf_cache_not_cleaned},
      {"DL3041", checks::unpinned_dnf_install},
      {"DL3042", checks::pip_install_with_cache},
      {"DL3046", checks::useradd_high_uid},
      {"DL3047", checks::wget_without_progress},
      {"DL3060", checks::yarn_cache_not_cleaned},
      {"DL3062", checks::unpinned_go_install},
      {"DL4001", checks::wget_and_curl},
      {"DL4005", checks::link_bin_sh},
      {"DL4006", checks::pipe_without_pipefail},
      {"MSM1001", checks::syntax_error},
      {"MSM1002", checks::unknown_instruction},
      {"MSM1003", checks::unknown_flag},
      {"MSM1004", checks::invalid_exec_form},
      {"MSM1005", checks::empty_continuation},
      {"MSM1006", checks::stage_name_casing},
      {"MSM1007", checks::from_as_casing},
      {"MSM1008", checks::instruction_casing},
      {"MSM1009", checks::duplicate_stage_name},
      {"MSM1010", checks::reserved_stage_name},
      {"MSM1011", checks::json_args_recommended},
      {"MSM1012", checks::maintainer_deprecated},
      {"MSM1013", checks::undefined_arg_in_from},
      {"MSM1014", checks::workdir_relative_path},
      {"MSM1015", checks::undefined_var},
      {"MSM1016", checks::multiple_instructions},
      {"MSM1017", checks::legacy_key_value},
      {"MSM1018", checks::redundant_target_platform},
      {"MSM1019", checks::secrets_in_arg_or_env},
      {"MSM1020", checks::invalid_default_arg_in_from},
      {"MSM1021", checks::from_platform_const},
      {"MSM1022", checks::copy_ignored_file},
      {"MSM1023", checks::expose_proto_casing},
      {"MSM1024", checks::expose_invalid_format},
      {"MSM1025", checks::invalid_arguments},
      {"MSM3001", checks::unused_stage},
      {"MSM3002", checks::stage_referenced_by_index},
      {"MSM3003", checks::undefined_stage_reference},
      {"MSM3004", checks::sdk_final_stage},
      {"MSM3005", checks::copy_before_install},
      {"MSM3006", checks::builder_pattern_layout},
      {"MSM9001", nullptr},  // unused suppression: the engine reports it after all checks ran
      {"MSM9002", nullptr},  // unknown rule in a suppression: likewise
  };
  return k_checks;
}

}  // namespace msm::lint
