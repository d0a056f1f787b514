# umbral_warnings(target): the project's warning set, applied to every target we own.
function(umbral_warnings target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wno-missing-field-initializers)
endfunction()
