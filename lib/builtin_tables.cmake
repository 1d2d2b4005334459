# ortaq_builtin_tables(TABLES_DIR OUT): the rule to write OUT, a C++ source holding every file
# under TABLES_DIR (README.md aside), with embed_tables.cmake. Used by lib/CMakeLists.txt and by
# the WebAssembly build (editors/js/wasm), so that both compile in the same tables.
set(ORTAQ_EMBED_TABLES_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/embed_tables.cmake)
function(ortaq_builtin_tables tables_dir out)
  file(GLOB_RECURSE files CONFIGURE_DEPENDS RELATIVE ${tables_dir} ${tables_dir}/*)
  list(FILTER files EXCLUDE REGEX "(^|/)README\\.md$")
  list(SORT files)
  list(TRANSFORM files PREPEND ${tables_dir}/ OUTPUT_VARIABLE paths)
  string(REPLACE ";" "|" list "${files}")
  add_custom_command(OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DROOT=${tables_dir} "-DFILES=${list}" -DOUT=${out} -P ${ORTAQ_EMBED_TABLES_SCRIPT}
    DEPENDS ${paths} ${ORTAQ_EMBED_TABLES_SCRIPT}
    COMMENT "Compiling tables/ into the library" VERBATIM)
endfunction()
