// Puts a stylesheet into the shadow root. Constructed stylesheets are not subject to a host
// page's CSP `style-src`, which would block a <style> element; old browsers get the element.

export function addStyles(root: ShadowRoot, css: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } catch {
    const style = document.createElement('style');
    style.textContent = css;
    root.prepend(style);
  }
}
