/** Jest: ts-jest for TypeScript; jsdom only where a test file asks for it (@jest-environment jsdom). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": [
      "ts-jest",
      {
        tsconfig: {
          jsx: "react-jsx",
          module: "commonjs",
          moduleResolution: "node",
          esModuleInterop: true,
          isolatedModules: true,
          types: ["office-js", "custom-functions-runtime", "jest", "node"],
        },
      },
    ],
  },
  moduleNameMapper: {
    "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js",
    "\\.(css)$": "<rootDir>/test/support/styleStub.js",
  },
  testTimeout: 120000,
};
