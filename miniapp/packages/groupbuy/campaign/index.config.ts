export default definePageConfig({ navigationBarTitleText: '拼团秒杀', enableShareAppMessage: true });
