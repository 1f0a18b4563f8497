/** The most common passwords of public breach corpora (lowercased); rejected at every password change. */
export const COMMON_PASSWORDS = new Set([
  '123456', '12345678', '123456789', '1234567890', 'password', 'password1', 'password12', 'password123', 'password1234',
  'passw0rd', 'p@ssw0rd', 'p@ssword', 'qwerty', 'qwerty123', 'qwertyuiop', 'qwerty12', 'abc123', 'abcd1234', 'abcdefgh',
  '11111111', '00000000', '12341234', '87654321', '88888888', 'iloveyou', 'iloveyou1', 'admin', 'admin123', 'admin1234',
  'administrator', 'welcome', 'welcome1', 'welcome123', 'letmein', 'letmein1', 'monkey', 'dragon', 'football', 'baseball',
  'sunshine', 'princess', 'superman', 'batman', 'trustno1', 'master', 'shadow', 'michael', 'jennifer', 'jordan23',
  'starwars', 'whatever', 'freedom', 'computer', 'internet', 'changeme', 'changeme123', 'secret', 'secret123',
  'default', 'login', 'test1234', 'testtest', 'test123456', 'zaq12wsx', '1qaz2wsx', '1q2w3e4r', '1q2w3e4r5t', 'q1w2e3r4',
  'asdfghjk', 'asdfghjkl', 'asdf1234', 'zxcvbnm1', 'qazwsx123', 'aa123456', 'a1b2c3d4', 'hello123', 'hellohello',
  'loveyou1', 'mustang1', 'access14', 'charlie1', 'football1', 'baseball1', 'soccer12', 'hunter22', 'summer2024',
  'winter2024', 'spring2024', 'autumn2024', 'summer2025', 'winter2025', 'letmein123', 'passpass', 'password!',
  'securepassword', 'mypassword', 'newpassword', 'strongpassword', 'strong_password', 'password@123', 'Password1'.toLowerCase(),
])
