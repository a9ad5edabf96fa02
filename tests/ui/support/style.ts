// Styles do not matter to jsdom.
export default {};
