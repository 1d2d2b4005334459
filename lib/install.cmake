# cmake --install: the libraries, the C and C++ headers, the CLI (tools/CMakeLists.txt), the CMake
# package (find_package(ortaq) → ortaq::ortaq) and ortaq.pc. See docs/packaging.md.
include(CMakePackageConfigHelpers)

install(TARGETS ortaq ortaq_static EXPORT ortaqTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} NAMELINK_COMPONENT Development
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY include/ortaq DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
# The C header.
install(FILES include/ortaq.h DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

set(ORTAQ_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/ortaq)
install(EXPORT ortaqTargets NAMESPACE ortaq:: DESTINATION ${ORTAQ_CMAKE_DIR})
configure_package_config_file(${CMAKE_CURRENT_SOURCE_DIR}/ortaqConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/ortaqConfig.cmake INSTALL_DESTINATION ${ORTAQ_CMAKE_DIR})
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/ortaqConfigVersion.cmake
  COMPATIBILITY SameMajorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/ortaqConfig.cmake ${CMAKE_CURRENT_BINARY_DIR}/ortaqConfigVersion.cmake
  DESTINATION ${ORTAQ_CMAKE_DIR})

# pkg-config: -lortaq links the shared library; ICU is needed only for a static link.
# Relocatable: the prefix is found from where the .pc file is, so an install copied elsewhere
# still works and no path of this machine is written into it.
file(RELATIVE_PATH ORTAQ_PC_PREFIX_FROM_PCDIR /prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig /prefix)
configure_file(${CMAKE_CURRENT_SOURCE_DIR}/ortaq.pc.in ${CMAKE_CURRENT_BINARY_DIR}/ortaq.pc @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/ortaq.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
