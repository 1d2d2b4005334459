# End-to-end tests of the `ortaq` command (included from tests/CMakeLists.txt).
add_executable(cli_test cli_test.cpp)
target_link_libraries(cli_test PRIVATE GTest::gtest_main)
target_compile_definitions(cli_test PRIVATE ORTAQ_CLI_PATH="$<TARGET_FILE:ortaq_cli>" ORTAQ_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
add_dependencies(cli_test ortaq_cli)
gtest_discover_tests(cli_test PROPERTIES TIMEOUT 120)

# Every table's inline tests and lint, and every golden file in corpora/.
add_test(NAME ortaq_test_command COMMAND ortaq_cli test --corpora ${PROJECT_SOURCE_DIR}/corpora)
set_tests_properties(ortaq_test_command PROPERTIES TIMEOUT 120)

# Hostile conditions for the command: empty and NUL-laden files, FIFOs and /dev/null, missing
# output directories, a full device, writes failing part way under a file-size limit.
add_executable(cli_hostile_test cli_hostile_test.cpp)
target_link_libraries(cli_hostile_test PRIVATE GTest::gtest_main)
target_compile_definitions(cli_hostile_test PRIVATE ORTAQ_CLI_PATH="$<TARGET_FILE:ortaq_cli>")
add_dependencies(cli_hostile_test ortaq_cli)
gtest_discover_tests(cli_hostile_test PROPERTIES TIMEOUT 300)

# Output safety (devices, FIFOs, links, signals) and the many-files policy.
add_executable(cli_output_safety_test cli_output_safety_test.cpp)
target_link_libraries(cli_output_safety_test PRIVATE GTest::gtest_main)
target_compile_definitions(cli_output_safety_test PRIVATE ORTAQ_CLI_PATH="$<TARGET_FILE:ortaq_cli>")
add_dependencies(cli_output_safety_test ortaq_cli)
gtest_discover_tests(cli_output_safety_test PROPERTIES TIMEOUT 120)

# Suggestions, --json, chained pairs and the record modes, checked from Python (python3 is in
# scripts/install-deps.sh).
find_program(ORTAQ_PYTHON3 NAMES python3 HINTS /usr/bin REQUIRED)
add_test(NAME cli_features COMMAND ${ORTAQ_PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/cli/features_test.py $<TARGET_FILE:ortaq_cli>)
set_tests_properties(cli_features PROPERTIES TIMEOUT 120)
# The progress line, on a pseudo-terminal (Python's pty module).
add_test(NAME cli_progress COMMAND ${ORTAQ_PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/cli/progress_test.py $<TARGET_FILE:ortaq_cli>)
set_tests_properties(cli_progress PROPERTIES TIMEOUT 180)
# --help examples run, the man page formats cleanly and names every flag, completions work
# (groff-base, man-db and zsh are in scripts/install-deps.sh).
add_test(NAME cli_docs COMMAND ${ORTAQ_PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/cli/docs_test.py $<TARGET_FILE:ortaq_cli> ${PROJECT_SOURCE_DIR})
set_tests_properties(cli_docs PROPERTIES TIMEOUT 180)
# --jobs N gives one thread's output for chains, --from auto and every --format (issue 16).
add_test(NAME cli_jobs COMMAND ${ORTAQ_PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/cli/jobs_test.py $<TARGET_FILE:ortaq_cli> ${PROJECT_SOURCE_DIR})
set_tests_properties(cli_jobs PROPERTIES TIMEOUT 600)
