// Jest stand-in for imported .css files (jest.config.js moduleNameMapper): styles do not matter in node/jsdom.
module.exports = {};
