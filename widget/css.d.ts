// Stylesheets are bundled as minified text and put into the shadow root.
declare module '*.css' {
  const css: string;
  export default css;
}
