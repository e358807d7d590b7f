/** An image embedded as base64 data of a picture format browsers show (not SVG, which is markup): shown on the site as it is. */
export const RASTER_DATA = /^data:image\/(?:png|jpe?g|gif|webp|avif);base64,[A-Za-z0-9+/=\s]+$/i;
