# CMake toolchain file for XSC: cmake -DCMAKE_TOOLCHAIN_FILE=<this file>
# Installed as <toolchain>/share/xsc/cmake/x86_64-xsc-linux-gnu.cmake; the
# toolchain root is three directories up.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
get_filename_component(XSC_TOOLCHAIN "${CMAKE_CURRENT_LIST_DIR}/../../.." ABSOLUTE)
set(_xsc "${XSC_TOOLCHAIN}/bin/x86_64-xsc-linux-gnu")

set(CMAKE_C_COMPILER "${_xsc}-gcc")
set(CMAKE_ASM_COMPILER "${_xsc}-gcc")
set(CMAKE_AR "${_xsc}-ar" CACHE FILEPATH "")
set(CMAKE_RANLIB "${_xsc}-ranlib" CACHE FILEPATH "")
set(CMAKE_NM "${_xsc}-nm" CACHE FILEPATH "")
set(CMAKE_OBJCOPY "${_xsc}-objcopy" CACHE FILEPATH "")
set(CMAKE_OBJDUMP "${_xsc}-objdump" CACHE FILEPATH "")
set(CMAKE_STRIP "${_xsc}-strip" CACHE FILEPATH "")
set(CMAKE_READELF "${_xsc}-readelf" CACHE FILEPATH "")
set(PKG_CONFIG_EXECUTABLE "${_xsc}-pkg-config" CACHE FILEPATH "")

# headers, libraries and packages from the XSC sysroot only
set(CMAKE_SYSROOT "${XSC_TOOLCHAIN}/sysroot")
set(CMAKE_FIND_ROOT_PATH "${XSC_TOOLCHAIN}/sysroot")
set(CMAKE_LIBRARY_ARCHITECTURE x86_64-xsc-linux-gnu)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
