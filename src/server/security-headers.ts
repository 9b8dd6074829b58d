import type { FastifyHelmetOptions } from '@fastify/helmet';

/** Where office.js comes from: Microsoft's CDN (and the scripts it loads), or 21Vianet's in China. */
const OFFICE_SCRIPT_ORIGINS = ['https://appsforoffice.microsoft.com', 'https://ajax.aspnetcdn.com', 'https://appsforoffice.cdn.partner.office365.cn'];

/**
 * The headers of the API's answers: JSON that nothing may frame, sniff or run (`default-src 'none'`).
 * X-Frame-Options is left out everywhere: for the pane it would forbid Excel on the web to frame it, and
 * frame-ancestors says the same for the API; Strict-Transport-Security is set per request (see app.ts).
 */
export const API_HEADERS: FastifyHelmetOptions = {
  global: true,
  contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] } },
  frameguard: false,
  hsts: false,
  referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
};

/**
 * The headers of the task pane's files. Excel on the web frames the pane (`frameAncestors`, from the
 * configuration); office.js runs from Microsoft's (or 21Vianet's) CDN; Fluent UI writes its styles at run
 * time ('unsafe-inline' for styles only, never for scripts); the endpoint the pane talks to may be another
 * https origin (设置). Icons are fetched by Office from another origin: Cross-Origin-Resource-Policy allows it.
 */
export function taskpaneHeaders(frameAncestors: readonly string[]): FastifyHelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...OFFICE_SCRIPT_ORIGINS],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'https:'],
        fontSrc: ["'self'", 'data:', 'https:'],
        connectSrc: ["'self'", 'https:'],
        frameSrc: ["'self'", 'https:'],
        frameAncestors: ["'self'", ...frameAncestors],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    frameguard: false,
    hsts: false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  };
}

/**
 * The headers of the web app's files (the department portal and the bureau's workspace): its own scripts only,
 * talking to its own server, never framed by anyone (it is not an add-in); Fluent UI's runtime styles as above.
 */
export const WEB_APP_HEADERS: FastifyHelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      scriptSrcAttr: ["'none'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      frameAncestors: ["'none'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
    },
  },
  frameguard: { action: 'deny' },
  hsts: false,
  referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
};
