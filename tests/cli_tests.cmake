# End-to-end tests of the `ortaq` command (included from tests/CMakeLists.txt).
add_executable(cli_test cli_test.cpp)
target_link_libraries(cli_test PRIVATE GTest::gtest_main)
target_compile_definitions(cli_test PRIVATE ORTAQ_CLI_PATH="$<TARGET_FILE:ortaq_cli>" ORTAQ_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
add_dependencies(cli_test ortaq_cli)
gtest_discover_tests(cli_test)

# Every table's inline tests and lint, and every golden file in corpora/.
add_test(NAME ortaq_test_command COMMAND ortaq_cli test --corpora ${PROJECT_SOURCE_DIR}/corpora)

# Hostile conditions for the command: empty and NUL-laden files, FIFOs and /dev/null, missing
# output directories, a full device, writes failing part way under a file-size limit.
add_executable(cli_hostile_test cli_hostile_test.cpp)
target_link_libraries(cli_hostile_test PRIVATE GTest::gtest_main)
target_compile_definitions(cli_hostile_test PRIVATE ORTAQ_CLI_PATH="$<TARGET_FILE:ortaq_cli>")
add_dependencies(cli_hostile_test ortaq_cli)
gtest_discover_tests(cli_hostile_test PROPERTIES TIMEOUT 300)
