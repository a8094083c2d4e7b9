#ifndef RL_CSDL2_SHIM_H
#define RL_CSDL2_SHIM_H

// pkg-config's `sdl2` puts SDL2's own folder on the include path.
#include <SDL.h>
#include <SDL_image.h>

// Function-like and composite macros Swift cannot import, re-exported as constants.
static const int RL_SDL_WINDOWPOS_CENTERED = SDL_WINDOWPOS_CENTERED;
static const int RL_SDL_WINDOWPOS_UNDEFINED = SDL_WINDOWPOS_UNDEFINED;
static const Uint32 RL_SDL_PIXELFORMAT_RGBA32 = SDL_PIXELFORMAT_RGBA32;
static const int RL_IMG_INIT_PNG = IMG_INIT_PNG;

#endif
