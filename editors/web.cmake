# The web parts (issue 13): the WebAssembly library (editors/js/wasm, Debian's emscripten), laid
# out as the npm package (editors/js) and the page (editors/web) in build/web/{package,page}.
#
# - ORTAQ_BUILD_WEB=ON builds them with everything else (target ortaq_web; 7-12 min cold, so off
#   by default). ctest's web_wasm_build (label `web`) builds them too.
# - `cmake --install` installs them when they have been built (component `web`):
#     PREFIX/lib/node_modules/ortaq/   the npm package (NODE_PATH=PREFIX/lib/node_modules)
#     PREFIX/share/ortaq/web/          the page: index.html, index.js, ortaq.js (no network)

# The Unicode data of the native build's ICU, as C++ tables for the WebAssembly build (which has
# no ICU): editors/js/wasm/icu_subset answers the library's ICU calls from them.
add_executable(ortaq_wasm_unicode_gen ${PROJECT_SOURCE_DIR}/editors/js/wasm/gen_unicode_data.cpp)
target_link_libraries(ortaq_wasm_unicode_gen PRIVATE ICU::uc)
set(ORTAQ_WASM_UNICODE_DATA ${PROJECT_BINARY_DIR}/web/unicode_data.inc CACHE INTERNAL "")
add_custom_command(OUTPUT ${ORTAQ_WASM_UNICODE_DATA}
  COMMAND ortaq_wasm_unicode_gen ${ORTAQ_WASM_UNICODE_DATA}
  DEPENDS ortaq_wasm_unicode_gen COMMENT "Writing ICU's Unicode data for the WebAssembly build" VERBATIM)
add_custom_target(ortaq_wasm_unicode_data ALL DEPENDS ${ORTAQ_WASM_UNICODE_DATA})

# Where build_wasm.sh lays out package/ and page/ (tests/web reads it too).
set(ORTAQ_WEB_DIR ${PROJECT_BINARY_DIR}/web CACHE INTERNAL "")
set(ORTAQ_WEB_BUILD_COMMAND ${PROJECT_SOURCE_DIR}/tests/web/build_wasm.sh ${PROJECT_SOURCE_DIR} ${ORTAQ_WEB_DIR}
    ${ORTAQ_WASM_UNICODE_DATA} CACHE INTERNAL "")

option(ORTAQ_BUILD_WEB "Build the WebAssembly library, npm package and page (needs emscripten; slow)" OFF)
if(ORTAQ_BUILD_WEB)
  find_program(ORTAQ_EMCMAKE emcmake)
  if(NOT ORTAQ_EMCMAKE)
    message(FATAL_ERROR "ORTAQ_BUILD_WEB needs emscripten's emcmake (Debian package emscripten)")
  endif()
  # Always run: the inner build (its own CMake configure under emcmake) knows what changed.
  add_custom_target(ortaq_web ALL COMMAND ${ORTAQ_WEB_BUILD_COMMAND}
    DEPENDS ortaq_wasm_unicode_data COMMENT "Building the WebAssembly library, npm package and page" VERBATIM)
endif()

# Installed when built (OPTIONAL: a build without them installs the rest).
install(DIRECTORY ${ORTAQ_WEB_DIR}/package/ DESTINATION lib/node_modules/ortaq COMPONENT web OPTIONAL)
install(DIRECTORY ${ORTAQ_WEB_DIR}/page/ DESTINATION ${CMAKE_INSTALL_DATADIR}/ortaq/web COMPONENT web OPTIONAL)
