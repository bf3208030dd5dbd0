# tools/renames.sed — every public name renamed by the API clean-up of
# issue 15 section 4 (header = module = prefix; one lifecycle rule:
# _create/_destroy for objects, _init/_clear for caller-owned structs,
# _free only for plain buffers).  Convert a branch written against the
# old names with:
#     sed -i -E -f tools/renames.sed $(git ls-files '*.c' '*.h' '*.md' '*.am')
# No new name is an old name, so running it twice changes nothing more.
#
# Declarations that moved to another header (add the include, or include
# the old header: it still includes the new one where noted "(kept)"):
#   compare.h  -> interval.h  effekt_interval_method, _parse, _name, effekt_interval_binomial, effekt_interval_wilson (from kpi.h)   (kept: compare.h includes it)
#   compare.h  -> adjust.h    effekt_adjust_method, _parse, _name, effekt_adjust_p   (kept)
#   compare.h  -> binomial.h  effekt_binomial_quantile, effekt_binomial_limits
#   compare.h  -> risk.h      effekt_risk_difference, effekt_risk_ratio
#   compare.h  -> test.h      effekt_test_result, effekt_test_* (chisq_homogeneity, fisher_exact, welch_t, mann_whitney, welch_anova, kruskal_wallis, hedges_g)
#   compare.h  -> bootstrap.h effekt_bootstrap_ratio, effekt_bootstrap_intervals, effekt_bootstrap_jackknife
#   stats.h    -> sort.h      effekt_sort, effekt_sort_copy
#   money.h    -> rates.h     effekt_rates, effekt_rates_entry, effekt_rates_load/_clear/_factor, EFFEKT_DKK_PER_EUR_ERM2   (kept)
#   money.h    -> deflator.h  effekt_deflator, effekt_deflator_load/_clear/_factor   (kept)
#   output.h   -> format.h    effekt_format, effekt_format_parse/_name/_number/_exact   (kept)
#   output.h   -> json.h      effekt_json (the opaque JSON value), effekt_json_*, EFFEKT_JSON_MAX_BYTES   (kept)
#   survival.h -> km.h        effekt_km, effekt_km_conf_type (+_parse/_name), effekt_km_fit/_clear/_at/_quantile/_rmst   (kept: survival.h includes km.h and logrank.h)
#   survival.h -> logrank.h   effekt_logrank, effekt_logrank_expected   (kept)
#   retention.h-> spells.h    effekt_spells, effekt_spells_options, effekt_spells_build/_destroy   (kept)
#   status.h   -> diag.h      effekt_diag, effekt_diag_problem, effekt_diag_*   (status.h keeps only the status codes; every module header that takes an effekt_diag includes diag.h)
#   status.h   -> severity.h  effekt_severity, _name, _parse   (through diag.h)
#   status.h   -> hint.h      effekt_hint, _name, _parse   (through diag.h)
#   status.h   -> progress.h  effekt_progress   (csv.h, compare.h and bootstrap.h include it)
#   status.h   -> alloc.h     effekt_alloc_set_hook   (include alloc.h)
#   status.h   -> version.h   effekt_version   (include version.h)
#   table.h    -> type.h      effekt_type, _name, _parse   (kept)
#   table.h    -> column.h    effekt_column, effekt_column_release/_missing/_text   (kept)
#   table.h    -> canonical.h effekt_canonical, effekt_canonical_alias, effekt_canonical_level (+_name/_parse), effekt_canonical_*   (kept)
#   table.h    -> heading.h   effekt_heading_unit_info, effekt_heading_unit/_same/_normalise   (kept)
#   kpi.h      -> interval.h  effekt_interval_wilson   (kept: kpi.h includes interval.h)
#   chart.h    keeps effekt_chart_mark*, effekt_chart_scene_clear (renamed in place)
#   (later commits, no renames: effekt_json is opaque, json.h: code of
#    src/cli/ that hands a cJSON * to a library function wraps it in
#    cli_json()/cli_json_const() and takes one back with cli_cjson()
#    (cli.h); library code uses effekt_json_of()/effekt_json_cjson()
#    (src/lib/lib_json.h) and effekt_cjson_number/_figure_of/_print/_uint64
#    for its own cJSON trees; group.h gains
#    effekt_group_create_tables/_add_in/_labels; chart.h gains
#    effekt_chart_rates_count/_destroy and effekt_chart_values_gather/_destroy;
#    effekt_hint_parse and effekt_csv_date_order_name are new)
#   output.h   effekt_file_read is no longer public (effekt_json_read_text reads a JSON file's text)
#
# compare.h
s/\beffekt_binomial_interval\b/effekt_interval_binomial/g
s/\beffekt_chisq_homogeneity\b/effekt_test_chisq_homogeneity/g
s/\beffekt_fisher_exact\b/effekt_test_fisher_exact/g
s/\beffekt_p_adjust\b/effekt_adjust_p/g
s/\beffekt_funnel_limits\b/effekt_binomial_limits/g
s/\beffekt_jackknife_ratio\b/effekt_bootstrap_jackknife/g
s/\beffekt_welch_t\b/effekt_test_welch_t/g
s/\beffekt_mann_whitney\b/effekt_test_mann_whitney/g
s/\beffekt_welch_anova\b/effekt_test_welch_anova/g
s/\beffekt_kruskal_wallis\b/effekt_test_kruskal_wallis/g
s/\beffekt_hedges_g\b/effekt_test_hedges_g/g
# stats.h
s/\beffekt_describe\b/effekt_stats_describe/g
s/\beffekt_describe_weighted\b/effekt_stats_describe_weighted/g
s/\beffekt_describe_options\b/effekt_stats_options/g
s/\beffekt_summary\b/effekt_stats_summary/g
s/\beffekt_weight_valid\b/effekt_stats_weight_valid/g
s/\beffekt_quantile_sorted\b/effekt_stats_quantile_sorted/g
# money.h
s/\beffekt_rate\b/effekt_rates_entry/g
s/\beffekt_rates_free\b/effekt_rates_clear/g
s/\beffekt_deflator_free\b/effekt_deflator_clear/g
# output.h
s/\beffekt_sheet\b/effekt_output_sheet/g
s/\beffekt_validate_json\b/effekt_json_validation/g
# survival.h
s/\beffekt_conf_type\b/effekt_km_conf_type/g
s/\beffekt_conf_type_parse\b/effekt_km_conf_type_parse/g
s/\beffekt_conf_type_name\b/effekt_km_conf_type_name/g
s/\beffekt_km_free\b/effekt_km_clear/g
# status.h
s/\beffekt_strerror\b/effekt_status_message/g
s/\beffekt_set_alloc_hook\b/effekt_alloc_set_hook/g
s/\beffekt_problem\b/effekt_diag_problem/g
s/\beffekt_problem_format\b/effekt_diag_problem_format/g
s/\beffekt_diag_free\b/effekt_diag_clear/g
# table.h
s/\beffekt_level\b/effekt_canonical_level/g
s/\beffekt_level_name\b/effekt_canonical_level_name/g
s/\beffekt_level_parse\b/effekt_canonical_level_parse/g
s/\beffekt_alias\b/effekt_canonical_alias/g
s/\beffekt_unit\b/effekt_heading_unit_info/g
# csv.h
s/\beffekt_encoding\b/effekt_csv_encoding/g
s/\beffekt_encoding_parse\b/effekt_csv_encoding_parse/g
s/\beffekt_encoding_name\b/effekt_csv_encoding_name/g
s/\beffekt_date_order\b/effekt_csv_date_order/g
s/\beffekt_date_order_parse\b/effekt_csv_date_order_parse/g
s/\beffekt_mapping\b/effekt_csv_mapping/g
s/\beffekt_mapping_parse\b/effekt_csv_mapping_parse/g
# kpi.h
s/\beffekt_figure\b/effekt_kpi_value/g
s/\beffekt_fund_name\b/effekt_kpi_fund_name/g
s/\beffekt_wilson_interval\b/effekt_interval_wilson/g
s/\beffekt_kpi_groups_free\b/effekt_kpi_groups_destroy/g
# chart.h
s/\beffekt_mark\b/effekt_chart_mark/g
s/\beffekt_mark_type\b/effekt_chart_mark_type/g
s/\beffekt_mark_type_name\b/effekt_chart_mark_type_name/g
s/\beffekt_mark_type_parse\b/effekt_chart_mark_type_parse/g
s/\bEFFEKT_MARK_/EFFEKT_CHART_MARK_/g
s/\beffekt_chart_scene_free\b/effekt_chart_scene_clear/g
# partial.h
s/\beffekt_partial_free\b/effekt_partial_clear/g
# text.h (the word ids of the words table)
s/\beffekt_word\b/effekt_text_word_id/g
